import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { TargetOutcome } from '../../harness/reporting/matrix/model';
import { readRunReport } from '../../harness/reporting/matrix/run-report';
import { plainText } from '../../harness/text';
import type { RealTarget, RunningTarget } from '../../targets/types';

export const ROOT = resolve(__dirname, '../..');

export interface RunTargetOptions {
  /** The matrix folder; the run's reports go to <matrixDir>/runs/<id>. */
  readonly matrixDir: string;
  /** Aborted on Ctrl-C / SIGTERM: the suite is interrupted as Ctrl-C would, and the target still stopped. */
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/** Starts the target, runs its provider's suite with its baseline, always stops it, and reads rules.json. */
export async function runTarget(t: RealTarget, options: RunTargetOptions): Promise<TargetOutcome> {
  const reportDir = join(options.matrixDir, 'runs', t.id);
  // A rules.json left by an earlier matrix must never stand for this run.
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const reportHref = relative(options.matrixDir, join(reportDir, t.provider, 'conformance.html')).split('\\').join('/');
  const started = Date.now();
  let running: RunningTarget | undefined;
  let exitCode: number;
  let tail = '';
  let kernels: { beforeRun: number; afterRun: number } | undefined;
  try {
    try {
      running = await t.start(mkdtempSync(join(tmpdir(), `sc-matrix-${t.id}-`)));
    } catch (e) {
      return { kind: 'ran', exitCode: 2, wallMs: Date.now() - started, problem: `the target did not start: ${firstLines(e instanceof Error ? e.message : String(e))}` };
    }
    if (options.signal.aborted) return { kind: 'not-run', reason: 'the matrix was interrupted' };
    options.log(`${t.id}: ${t.name} is up; running --project=${t.provider} with baseline ${t.baseline}`);
    const beforeRun = running.kernelProcesses?.();
    const result = await runSuite(t, running, reportDir, options);
    exitCode = result.exitCode;
    tail = result.tail;
    // A deleted session's kernel is shut down after the answer: give it a moment to go.
    if (beforeRun !== undefined) kernels = { beforeRun, afterRun: await settledCount(() => running!.kernelProcesses!(), beforeRun, 15_000) };
  } finally {
    const stopping = Date.now();
    await running?.stop().catch((e: unknown) => options.log(`${t.id}: stopping failed: ${e instanceof Error ? e.message : String(e)}`));
    if (running) options.log(`${t.id}: stopped (${((Date.now() - stopping) / 1000).toFixed(1)} s)`);
  }
  const counted = kernels && running?.kernelProcesses ? { ...kernels, afterStop: await settledCount(() => running!.kernelProcesses!(), 0, 5_000) } : undefined;
  const wallMs = Date.now() - started;
  const file = join(reportDir, t.provider, 'rules.json');
  if (!existsSync(file)) {
    return { kind: 'ran', exitCode, wallMs, kernels: counted, problem: `the run exited with ${exitCode} and wrote no rules.json: ${firstLines(tail.trim().split('\n').slice(-6).join('\n'))}` };
  }
  try {
    const report = readRunReport(readFileSync(file, 'utf8'));
    return { kind: 'ran', exitCode, wallMs, report, reportHref, kernels: counted, problem: exitCode === 130 ? 'the run was interrupted' : undefined };
  } catch (e) {
    return { kind: 'ran', exitCode, wallMs, kernels: counted, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Counts until the count is `want`, at most `timeoutMs`; returns the last count. */
async function settledCount(count: () => number, want: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let n = count();
  while (n !== want && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 250));
    n = count();
  }
  return n;
}

async function runSuite(t: RealTarget, running: RunningTarget, reportDir: string, options: RunTargetOptions): Promise<{ exitCode: number; tail: string }> {
  const runTimeoutMs = Number(process.env.CONFORMANCE_RUN_TIMEOUT_MS) || 20 * 60_000;
  const out = createWriteStream(join(reportDir, 'output.log'));
  // Its own process group: Ctrl-C reaches the suite once, through us, and we still stop the target after it.
  const child = spawn('npx', ['playwright', 'test', `--project=${t.provider}`, `--output=${join(reportDir, 'test-results')}`], {
    cwd: ROOT,
    env: suiteEnv(t, running, reportDir),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const take = (d: Buffer) => {
    process.stdout.write(d);
    out.write(d);
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const group = (sig: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  let killTimer: NodeJS.Timeout | undefined;
  const interrupt = () => {
    group('SIGINT');
    killTimer = setTimeout(() => group('SIGKILL'), 60_000);
  };
  options.signal.addEventListener('abort', interrupt, { once: true });
  // The run bounds itself (CONFORMANCE_RUN_TIMEOUT_MS); this is the bound should it not.
  const hardStop = setTimeout(() => group('SIGKILL'), runTimeoutMs + 2 * 60_000);
  const exitCode = await new Promise<number>((ok) => {
    child.on('error', () => ok(2));
    child.on('close', (code, sig) => ok(code ?? (sig === 'SIGINT' ? 130 : 2)));
  });
  clearTimeout(hardStop);
  clearTimeout(killTimer);
  options.signal.removeEventListener('abort', interrupt);
  await new Promise<void>((ok) => out.end(() => ok()));
  return { exitCode, tail };
}

/** Settings that say which server to talk to and as whom (README, Configuration); tuning settings are kept. */
const TARGET_IDENTITY = /_(BASE_URL|SOCKET_URL|TOKEN|API_KEY|API_SECRET|AUTHORIZATION|USERNAME|PASSWORD|TENANT|OTHER_TENANT|WORKSPACE_ID|OTHER_WORKSPACE_ID|BASELINE)$/;

/**
 * The suite's environment: ours, without any setting naming another server of the target's provider or its
 * credentials (from the environment or .env, which an empty value overrides), then the started target's
 * settings and its baseline.
 */
function suiteEnv(t: RealTarget, running: RunningTarget, reportDir: string): NodeJS.ProcessEnv {
  const prefix = `${t.provider.toUpperCase()}_`;
  const dotenvFile = join(ROOT, '.env');
  const fromDotenv = existsSync(dotenvFile) ? Object.keys(parseDotenv(readFileSync(dotenvFile))) : [];
  const cleared = Object.fromEntries(
    [...Object.keys(process.env), ...fromDotenv].filter((k) => k.startsWith(prefix) && TARGET_IDENTITY.test(k)).map((k) => [k, '']),
  );
  return {
    ...process.env,
    ...cleared,
    ...running.env,
    [`${prefix}BASELINE`]: t.baseline,
    CONFORMANCE_REPORT_DIR: reportDir,
    PLAYWRIGHT_HTML_OPEN: 'never',
  };
}

function firstLines(s: string): string {
  return plainText(s).split('\n').slice(0, 6).join('\n').slice(0, 1000);
}
