import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv } from './bench-env';
import { TreeSampler, type TreeUsage } from './process-tree';

export const ROOT = resolve(__dirname, '..');

/** Process groups of the runs under way: stopped with the bench (Ctrl-C), since they are detached from it. */
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of running) killGroup(pid);
    process.exit(130);
  });
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export interface ChildResult {
  readonly exitCode: number;
  /** Epoch ms of the spawn. */
  readonly spawnedAt: number;
  readonly wallMs: number;
  /** Peak RSS and CPU of the whole process tree. */
  readonly usage: TreeUsage;
  readonly output: string;
}

/**
 * `npx <args>` in the project root with the bench's child environment plus `env`, in its own process group
 * (killed whole after `timeoutMs`), sampling its process tree from /proc while it runs.
 */
export async function runChild(args: readonly string[], env: Record<string, string>, timeoutMs: number): Promise<ChildResult> {
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn('npx', [...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid!;
  running.add(pid);
  const sampler = new TreeSampler(pid).start();
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => killGroup(pid), timeoutMs);
  const exitCode = await new Promise<number>((ok) => child.on('close', (code, signal) => ok(code ?? (signal ? 128 : -1))));
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  running.delete(pid);
  return { exitCode, spawnedAt, wallMs, usage: sampler.stop(), output };
}

/** Report folders of the runs: read once the run is over, removed when the bench ends. */
const runDirs: string[] = [];

/** A new folder under the system's temp dir for one run's reports, removed by `removeRunDirs`. */
export function runDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  runDirs.push(dir);
  return dir;
}

export function removeRunDirs(): void {
  for (const dir of runDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ChildRun extends ChildResult {
  readonly reportDir: string;
  readonly outputDir: string;
}

/**
 * `npx playwright test <args>` of the conformance config as a user runs it (the config's own reporters), with
 * its own report folder and mock ports (MOCK_PORT_BASE + 0…5).
 */
export async function runPlaywright(args: readonly string[], options: { portBase: number; env?: Record<string, string>; timeoutMs: number }): Promise<ChildRun> {
  const reportDir = runDir('sc-bench-');
  const outputDir = join(reportDir, 'test-results');
  const env = { CONFORMANCE_REPORT_DIR: reportDir, MOCK_PORT_BASE: String(options.portBase), ...(options.env ?? {}) };
  const result = await runChild(['playwright', 'test', `--output=${outputDir}`, ...args], env, options.timeoutMs);
  return { ...result, reportDir, outputDir };
}
