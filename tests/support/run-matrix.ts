import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-suite';

/** What a test reads of `npm run matrix`: its exit status and output, and where it wrote. */
export interface MatrixRun {
  readonly exitCode: number;
  readonly output: string;
  readonly matrixDir: string;
  readonly durationMs: number;
}

/** The part of matrix.json the tests read (see harness/reporting/matrix/model.ts, matrixJson). */
export interface MatrixJsonColumn {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly state: string;
  readonly green: boolean;
  readonly verdict: string;
  readonly apiVersion?: string;
  readonly pinnedVersion: string;
  readonly baseline: string;
  readonly exitCode?: number;
  readonly wallMs?: number;
  readonly kernels?: { readonly beforeRun: number; readonly afterRun: number; readonly afterStop: number };
  readonly knownDeviations: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly rules: readonly { readonly id: string; readonly level: string; readonly status: string; readonly reason?: string }[];
}

export function readMatrixJson(run: MatrixRun): { exitCode: number; wallMs: number; targets: MatrixJsonColumn[] } {
  const file = join(run.matrixDir, 'matrix.json');
  if (!existsSync(file)) throw new Error(`no matrix.json; output:\n${run.output.slice(-3000)}`);
  return JSON.parse(readFileSync(file, 'utf8')) as { exitCode: number; wallMs: number; targets: MatrixJsonColumn[] };
}

/**
 * Runs `npm run matrix` (as `tsx scripts/matrix.ts`) once per outer test run, into a report folder of its own:
 * after a failed test Playwright starts a new worker, which runs `beforeAll` again; the cache (keyed by the
 * runner's pid) keeps that from starting every real server a second time.
 */
export async function runMatrixOnce(timeoutMs: number): Promise<MatrixRun> {
  const cache = join(tmpdir(), `sc-own-tests-${process.ppid}-matrix.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as MatrixRun;
  const reportDir = mkdtempSync(join(tmpdir(), 'sc-matrix-'));
  const started = Date.now();
  const child = spawn('npx', ['tsx', 'scripts/matrix.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CONFORMANCE_REPORT_DIR: reportDir,
      // The suites also start the bundled mocks (for the other providers): ports of their own, as runSuite does.
      MOCK_PORT_BASE: String(20_000 + 8 * Math.floor(Math.random() * 1_500)),
      // Each suite run is bounded well inside this test's own bound.
      CONFORMANCE_RUN_TIMEOUT_MS: process.env.CONFORMANCE_RUN_TIMEOUT_MS ?? String(8 * 60_000),
      PLAYWRIGHT_HTML_OPEN: 'never',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  // Past the bound: interrupt as Ctrl-C would (the matrix stops its target and writes what it has), then kill.
  const interrupt = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGINT'), timeoutMs);
  const kill = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), timeoutMs + 90_000);
  const exitCode = await new Promise<number>((ok) => child.on('close', (code, sig) => ok(code ?? (sig === 'SIGINT' ? 130 : -1))));
  clearTimeout(interrupt);
  clearTimeout(kill);
  const run: MatrixRun = { exitCode, output, matrixDir: join(reportDir, 'matrix'), durationMs: Date.now() - started };
  writeFileSync(cache, JSON.stringify(run));
  return run;
}
