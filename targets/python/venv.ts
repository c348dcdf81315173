import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Python targets live in one venv each, `.targets/venv-<id>` (git-ignored), installed from the lock file
 * `targets/python/locks/<id>.txt`: exact versions of the whole set, installed with `--no-deps` so that CI gets
 * exactly what was tested. A marker in the venv holds the hash of the lock it was installed from.
 */
export const LOCK_DIR = resolve(__dirname, 'locks');
export const TARGETS_DIR = resolve(__dirname, '../../.targets');
const MARKER = '.installed-lock-sha256';
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** The interpreter the venvs are made with: `python3` (3.11 here), or PYTHON. */
function python(): string {
  return process.env.PYTHON?.trim() || 'python3';
}

export function lockedIds(): string[] {
  return readdirSync(LOCK_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -'.txt'.length)).sort();
}

export function venvDir(id: string): string {
  return join(TARGETS_DIR, `venv-${id}`);
}

/** A program the venv installed, e.g. `jupyter-server`. */
export function venvProgram(id: string, program: string): string {
  return join(venvDir(id), 'bin', program);
}

function lockHash(id: string): string {
  return createHash('sha256').update(readFileSync(join(LOCK_DIR, `${id}.txt`))).digest('hex');
}

/** Null when the venv holds exactly the locked set; otherwise what is missing. */
export function venvMissing(id: string): string | null {
  const marker = join(venvDir(id), MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === lockHash(id)) return null;
  return `${id} is not installed in ${venvDir(id)} (or its lock changed): run \`npx tsx targets/python/install.ts\``;
}

function run(command: string, args: readonly string[], log: string): Promise<void> {
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' } });
  closeSync(fd);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else fail(new Error(`${command} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}; see ${log}`));
    });
  });
}

/**
 * Makes `.targets/venv-<id>` from its lock, once: a venv whose marker matches the lock is left alone. The
 * marker is written last, so an interrupted install is never taken for a complete one (the next call starts
 * it over). The venv is made at its final path: pip writes that path into every script it installs.
 */
export async function ensureVenv(id: string, log: (line: string) => void = () => undefined): Promise<{ installed: boolean; seconds: number }> {
  if (venvMissing(id) === null) return { installed: false, seconds: 0 };
  const started = Date.now();
  mkdirSync(TARGETS_DIR, { recursive: true });
  const dir = venvDir(id);
  const pipLog = `${dir}.install.log`;
  rmSync(pipLog, { force: true });
  rmSync(dir, { recursive: true, force: true });
  log(`${id}: installing from targets/python/locks/${id}.txt (log: ${pipLog})`);
  await run(python(), ['-m', 'venv', dir], pipLog);
  try {
    await run(join(dir, 'bin/python'), ['-m', 'pip', 'install', '--no-deps', '--no-input', '-r', join(LOCK_DIR, `${id}.txt`)], pipLog);
    await run(join(dir, 'bin/python'), ['-m', 'pip', 'check'], pipLog);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  writeFileSync(join(dir, MARKER), `${lockHash(id)}\n`);
  rmSync(pipLog, { force: true });
  const seconds = (Date.now() - started) / 1000;
  log(`${id}: installed in ${seconds.toFixed(1)} s`);
  return { installed: true, seconds };
}
