import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProjectReport } from '../../harness/reporting/rule-reporter';

export const ROOT = resolve(__dirname, '../..');

export interface SuiteRun {
  readonly exitCode: number;
  readonly output: string;
  readonly reportDir: string;
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
  portBase += 20;
  const started = Date.now();
  const child = spawn('npx', ['playwright', 'test', ...args], {
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
    durationMs: Date.now() - started,
    report(project: string): ProjectReport {
      const file = join(reportDir, project, 'rules.json');
      if (!existsSync(file)) throw new Error(`no rules.json for ${project}; output:\n${output.slice(-3000)}`);
      return JSON.parse(readFileSync(file, 'utf8')) as ProjectReport;
    },
  };
}
