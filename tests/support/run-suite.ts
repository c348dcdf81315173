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

let portBase = 47600;

/**
 * Runs `npx playwright test` of the conformance config in a child process, with its own report
 * folder and its own mock ports, as a user would run it.
 */
export async function runSuite(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 10 * 60_000): Promise<SuiteRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'sc-run-'));
  const outputDir = join(reportDir, 'test-results');
  portBase += 20;
  const started = Date.now();
  const child = spawn('npx', ['playwright', 'test', `--output=${outputDir}`, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      CONFORMANCE_REPORT_DIR: reportDir,
      MOCK_PORT_BASE: String(portBase + (process.pid % 50) * 40),
      ...env,
      // Our own outer run's settings must not leak into the child run.
      PLAYWRIGHT_HTML_OPEN: 'never',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number>((ok) => child.on('close', (code) => ok(code ?? -1)));
  clearTimeout(timer);
  return {
    exitCode,
    output,
    reportDir,
    outputDir,
    durationMs: Date.now() - started,
    report: (project: string) => readReport(reportDir, project, output),
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
