import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProjectReport } from '../../harness/reporting/rule-reporter';

export const ROOT = resolve(__dirname, '../..');

export interface SuiteRun {
  readonly exitCode: number;
  readonly output: string;
  readonly reportDir: string;
  /** Playwright's output folder of the run (attachments, error contexts). */
  readonly outputDir: string;
  readonly durationMs: number;
  report(project: string): ProjectReport;
}

/**
 * Runs `npx playwright test` of the conformance config in a child process, with its own report
 * folder and its own mock ports, as a user would run it.
 */
export async function runSuite(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 10 * 60_000): Promise<SuiteRun> {
  return (await startSuite(args, env, { timeoutMs })).finished;
}

/** A child run under way, which can be interrupted as Ctrl-C in a terminal would. */
export interface StartedSuite {
  /** Sends SIGINT to the run's whole process group (npx, the runner, its workers, its web server). */
  interrupt(): void;
  readonly finished: Promise<SuiteRun>;
  /**
   * After an interrupt, `npx` may exit while the runner and its workers still undo what the run made: resolves
   * true once no process of the run's group is left, false if some still are after `timeoutMs`.
   */
  groupGone(timeoutMs: number): Promise<boolean>;
}

/**
 * `runSuite` without waiting: the child runs in a process group of its own, so `interrupt()` reaches every
 * process of the run at once, as the terminal's Ctrl-C reaches its foreground group.
 */
export async function startSuite(args: readonly string[], env: Record<string, string> = {}, { timeoutMs = 10 * 60_000, detached = false } = {}): Promise<StartedSuite> {
  const reportDir = env.CONFORMANCE_REPORT_DIR ?? mkdtempSync(join(tmpdir(), 'sc-run-'));
  const outputDir = join(reportDir, 'test-results');
  const started = Date.now();
  const child = spawn('npx', ['playwright', 'test', `--output=${outputDir}`, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      CONFORMANCE_REPORT_DIR: reportDir,
      // The bundled mocks use MOCK_PORT_BASE and the next few ports: a random base below Linux's ephemeral
      // range, so that parallel child runs and outgoing connections do not collide.
      MOCK_PORT_BASE: String(20_000 + 8 * Math.floor(Math.random() * 1_500)),
      ...env,
      // Our own outer run's settings must not leak into the child run.
      PLAYWRIGHT_HTML_OPEN: 'never',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  const signal = (name: NodeJS.Signals) => {
    if (detached && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  };
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => signal('SIGKILL'), timeoutMs);
  const finished = new Promise<number>((ok) => child.on('close', (code, sig) => ok(code ?? (sig === 'SIGINT' ? 130 : -1)))).then((exitCode): SuiteRun => {
    clearTimeout(timer);
    return {
      exitCode,
      output,
      reportDir,
      outputDir,
      durationMs: Date.now() - started,
      report: (project: string) => readReport(reportDir, project, output),
    };
  });
  const groupAlive = (): boolean => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    interrupt: () => {
      if (!detached) throw new Error('startSuite: interrupt() needs { detached: true }');
      signal('SIGINT');
    },
    finished,
    async groupGone(timeoutMs) {
      if (!detached || child.pid === undefined) return true;
      const deadline = Date.now() + timeoutMs;
      while (groupAlive() && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 200));
      return !groupAlive();
    },
  };
}

/**
 * `runSuite`, done once per outer test run: after a failed test Playwright starts a new worker, which runs
 * `beforeAll` again; the cache (keyed by the runner's pid, shared by its workers) keeps that from repeating a
 * child run of several minutes.
 */
export async function runSuiteOnce(key: string, args: readonly string[], env: Record<string, string> = {}): Promise<SuiteRun> {
  const cache = join(tmpdir(), `sc-own-tests-${process.ppid}-${key}.json`);
  type Saved = Pick<SuiteRun, 'exitCode' | 'output' | 'reportDir' | 'outputDir' | 'durationMs'>;
  if (existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as Saved;
    return { ...saved, report: (project) => readReport(saved.reportDir, project, saved.output) };
  }
  const run = await runSuite(args, env);
  const saved: Saved = { exitCode: run.exitCode, output: run.output, reportDir: run.reportDir, outputDir: run.outputDir, durationMs: run.durationMs };
  writeFileSync(cache, JSON.stringify(saved));
  return run;
}

function readReport(reportDir: string, project: string, output: string): ProjectReport {
  const file = join(reportDir, project, 'rules.json');
  if (!existsSync(file)) throw new Error(`no rules.json for ${project}; output:\n${output.slice(-3000)}`);
  return JSON.parse(readFileSync(file, 'utf8')) as ProjectReport;
}
