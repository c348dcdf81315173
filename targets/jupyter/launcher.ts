import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../harness/net/free-port';
import type { RealTargetLauncher, RunningTarget } from '../types';
import { endKernels, kernelPids } from './kernel-processes';
import { logTail, spawnServer, stopServer, waitReady } from './server-process';

/** Folders of one run, all under its workdir, so nothing of the user's Jupyter setup is read or written. */
export interface RunDirs {
  readonly root: string;
  readonly config: string;
  readonly runtime: string;
  readonly data: string;
  readonly ipython: string;
  /** TMPDIR of the server: Jupyverse writes its kernels' connection files there. */
  readonly tmp: string;
}

/** One implementation of the Jupyter sessions API, and how to start it on loopback. */
export interface JupyterImplementation {
  /** As a vendor knows it: `jupyter-server`, `Jupyverse`, … */
  readonly name: string;
  /** Baseline the run is checked with (`contracts/jupyter/baselines/<baseline>.yaml`). */
  readonly baseline: string;
  missing(): string | null;
  /** The server's command line for a free loopback port, with the run's token. */
  command(run: { port: number; token: string; dirs: RunDirs }): { program: string; args: string[]; env?: Record<string, string> };
  /** Where the server reads the token: `Authorization: token <t>`, or only the query `?token=<t>` (JUPYTER_TOKEN_IN). */
  readonly tokenIn: 'header' | 'query';
}

function makeDirs(workdir: string): RunDirs {
  const dirs: RunDirs = {
    root: join(workdir, 'root'), config: join(workdir, 'config'), runtime: join(workdir, 'runtime'),
    data: join(workdir, 'data'), ipython: join(workdir, 'ipython'), tmp: join(workdir, 'tmp'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return dirs;
}

/** A request to the server with the run's token where the implementation takes it. */
type Authorized = (path: string) => { url: string; headers: Record<string, string> };

/** Asks the server to shut its kernels down, as a client would; what it misses is ended by signal after. */
async function deleteKernels(authorized: Authorized): Promise<void> {
  try {
    const list = authorized('/api/kernels');
    const res = await fetch(list.url, { headers: list.headers, signal: AbortSignal.timeout(5_000) });
    const kernels = res.ok ? ((await res.json()) as { id?: unknown }[]) : [];
    await Promise.all(
      kernels
        .filter((k) => typeof k.id === 'string')
        .map((k) => authorized(`/api/kernels/${k.id as string}`))
        .map((one) => fetch(one.url, { method: 'DELETE', headers: one.headers, signal: AbortSignal.timeout(10_000) }).catch(() => undefined)),
    );
  } catch {
    // the server may be gone or hung; the signals below still stop it
  }
}

/**
 * Starts an implementation on 127.0.0.1 with a fresh token (where it takes one), its JUPYTER_* folders under the
 * workdir and no browser, and waits until `GET /api/kernelspecs` answers 200. Stopping it is bounded and leaves
 * nothing behind: kernels are deleted through the API first, then the server's process group gets SIGTERM and,
 * after a grace, SIGKILL, and finally every kernel process still holding a connection file of the run is ended.
 */
export function jupyterLauncher(impl: JupyterImplementation): RealTargetLauncher {
  return {
    name: impl.name,
    missing: () => impl.missing(),
    async start(workdirArg: string): Promise<RunningTarget> {
      const workdir = resolve(workdirArg);
      const dirs = makeDirs(workdir);
      const token = `sc-${randomBytes(16).toString('hex')}`;
      const port = await freePort();
      const { program, args, env } = impl.command({ port, token, dirs });
      const logFile = join(workdir, 'server.log');
      const child = spawnServer({
        program, args, cwd: dirs.root, logFile,
        env: {
          ...process.env,
          JUPYTER_CONFIG_DIR: dirs.config, JUPYTER_RUNTIME_DIR: dirs.runtime, JUPYTER_DATA_DIR: dirs.data, IPYTHONDIR: dirs.ipython,
          TMPDIR: dirs.tmp,
          ...env,
        },
      });
      const baseUrl = `http://127.0.0.1:${port}`;
      const authorized: Authorized = (path) =>
        impl.tokenIn === 'header'
          ? { url: `${baseUrl}${path}`, headers: { authorization: `token ${token}` } }
          : { url: `${baseUrl}${path}?token=${encodeURIComponent(token)}`, headers: {} as Record<string, string> };
      let stopping: Promise<void> | undefined;
      const stop = () =>
        (stopping ??= (async () => {
          await deleteKernels(authorized);
          await stopServer(child);
          await endKernels(workdir);
        })());
      try {
        const ready = authorized('/api/kernelspecs');
        await waitReady(ready.url, ready.headers, child, () => logTail(logFile, [token]));
      } catch (e) {
        await stop();
        throw new Error(`${impl.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return {
        env: { JUPYTER_BASE_URL: baseUrl, JUPYTER_TOKEN: token, JUPYTER_TOKEN_IN: impl.tokenIn, JUPYTER_BASELINE: impl.baseline },
        stop,
        kernelProcesses: () => kernelPids(workdir).length,
      };
    },
  };
}
