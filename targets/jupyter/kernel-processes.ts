import { readdirSync, readFileSync } from 'node:fs';

/**
 * Kernel processes of one run, found by their connection file: every Jupyter implementation starts a kernel as
 * `… -f <connection file>.json`, and the launcher points all of them into the run's workdir (JUPYTER_RUNTIME_DIR
 * for jupyter_client, TMPDIR for Jupyverse). Kernels run in sessions of their own (jupyter_client starts them
 * with start_new_session), so a signal to the server's process group does not reach them: this finds them.
 */
export function kernelPids(workdir: string): number[] {
  const prefix = workdir.endsWith('/') ? workdir : `${workdir}/`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended meanwhile
    }
    if (args.some((a) => a.startsWith(prefix) && a.endsWith('.json'))) pids.push(Number(entry));
  }
  return pids;
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

async function waitUntilGone(workdir: string, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = kernelPids(workdir);
  while (left.length && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 100));
    left = kernelPids(workdir);
  }
  return left;
}

/** Ends every kernel of the run still alive: SIGTERM, then SIGKILL after a grace. Bounded in time. */
export async function endKernels(workdir: string, graceMs = 3_000): Promise<void> {
  const alive = kernelPids(workdir);
  if (!alive.length) return;
  signal(alive, 'SIGTERM');
  const stubborn = await waitUntilGone(workdir, graceMs);
  if (!stubborn.length) return;
  signal(stubborn, 'SIGKILL');
  const left = await waitUntilGone(workdir, graceMs);
  if (left.length) throw new Error(`kernel processes ${left.join(', ')} of ${workdir} survived SIGKILL`);
}
