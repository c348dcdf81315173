import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port';
import type { RealTargetLauncher, RunningTarget } from '../types';

const PROGRAM = 'jupyter-server';

/**
 * Starts Debian's jupyter-server 1.23.3 on loopback with a fresh token, and stops it working around its hang on
 * SIGTERM: kernels are deleted through the API first, then SIGTERM, then SIGKILL, then any kernel process still
 * holding a connection file of ours.
 */
export const jupyterLauncher: RealTargetLauncher = {
  name: 'jupyter-server',

  missing() {
    const probe = spawnSync(PROGRAM, ['--version'], { encoding: 'utf8' });
    return probe.status === 0 ? null : `${PROGRAM} is not installed (Debian: apt-get install jupyter-server)`;
  },

  async start(workdir: string): Promise<RunningTarget> {
    const token = `sc-${randomBytes(16).toString('hex')}`;
    const port = await freePort();
    const dirs = Object.fromEntries(['root', 'config', 'runtime', 'data', 'ipython'].map((d) => [d, join(workdir, d)]));
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    const child = spawn(
      PROGRAM,
      [
        '--allow-root', `--ServerApp.token=${token}`, `--ServerApp.port=${port}`, '--ServerApp.port_retries=0',
        '--ServerApp.ip=127.0.0.1', `--ServerApp.root_dir=${dirs.root}`, '--ServerApp.open_browser=False',
      ],
      {
        env: {
          ...process.env,
          JUPYTER_CONFIG_DIR: dirs.config, JUPYTER_RUNTIME_DIR: dirs.runtime, JUPYTER_DATA_DIR: dirs.data, IPYTHONDIR: dirs.ipython,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitReady(`${baseUrl}/api`, child, () => log);
    let stopped = false;
    return {
      env: { JUPYTER_BASE_URL: baseUrl, JUPYTER_TOKEN: token, JUPYTER_BASELINE: 'jupyter-server-1.23.3' },
      async stop() {
        if (stopped) return;
        stopped = true;
        await deleteKernels(baseUrl, token);
        await terminate(child);
        killKernelsOf(dirs.runtime!);
      },
    };
  },
};

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${PROGRAM} exited with ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${PROGRAM} did not answer ${url} within 30 s: ${log()}`);
}

async function deleteKernels(baseUrl: string, token: string): Promise<void> {
  const headers = { authorization: `token ${token}` };
  try {
    const res = await fetch(`${baseUrl}/api/kernels`, { headers, signal: AbortSignal.timeout(5_000) });
    const kernels = (await res.json()) as { id: string }[];
    await Promise.all(
      kernels.map((k) => fetch(`${baseUrl}/api/kernels/${k.id}`, { method: 'DELETE', headers, signal: AbortSignal.timeout(10_000) }).catch(() => undefined)),
    );
  } catch {
    // the server may already be gone; the signals below still stop it
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Kernel processes are started with `-f <runtime>/kernel-<id>.json`: any still alive are ours to end. */
function killKernelsOf(runtimeDir: string): void {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(runtimeDir)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // the process ended meanwhile
    }
  }
}
