import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;

export interface ServerCommand {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Its stdout and stderr go here. */
  readonly logFile: string;
}

/** A server in a process group of its own, so that stopping it reaches whatever it started in that group. */
export function spawnServer(command: ServerCommand): ChildProcess {
  const fd = openSync(command.logFile, 'a');
  try {
    return spawn(command.program, [...command.args], { cwd: command.cwd, env: command.env, detached: true, stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
}

/** The end of the server's log, with the given secrets replaced: it goes into error messages. */
export function logTail(logFile: string, secrets: readonly string[], lines = 25): string {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return '(no log)';
  }
  for (const s of secrets) text = text.split(s).join('«redacted»');
  return text.split('\n').slice(-lines).join('\n');
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Waits until `url` answers 200 with `headers`, at most 60 s; fails at once if the server exits. */
export async function waitReady(url: string, headers: Record<string, string>, child: ChildProcess, describe: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the server exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${describe()}`);
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`the server did not answer ${new URL(url).pathname} with 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last}):\n${describe()}`);
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

function signalGroup(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, name);
  } catch {
    // the group is gone
  }
}

/**
 * SIGTERM to the server's process group, SIGKILL after a grace: jupyter-server 1.23.3 can stay up after its
 * first SIGTERM (see the launcher), and no implementation is trusted to exit by itself. Bounded in time.
 */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  if (!hasExited(child)) {
    signalGroup(child, 'SIGTERM');
    if (await exited(child, STOP_GRACE_MS)) {
      signalGroup(child, 'SIGKILL'); // anything left in the group
      return;
    }
  }
  signalGroup(child, 'SIGKILL');
  await exited(child, 5_000);
}
