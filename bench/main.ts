/**
 * `npm run bench`: what a conformance run costs on this machine, in one run of about four minutes.
 *   1. requests per second through our checking client vs raw undici, against an in-process mock;
 *   2. wall time of the full five-provider run on the mocks vs the longest chain of waits its timing rules need;
 *   3. wall time and peak memory of that run with the fast-check run count ×10 (30 → 300 runs per property);
 *   4. time to the first failing property and to its shrunk counterexample, on a faulty mock.
 * A benchmark, not a test: it exits 0 when everything was measured, whether or not the targets were met.
 */
import { loadavg } from 'node:os';
import { BENCH_PORT_BASE, useDefaultConfiguration } from './bench-env';
import { removeRunDirs } from './child-run';
import { clientThroughput, THROUGHPUT_DEFAULTS } from './client-throughput';
import { failureTime } from './failure-time';
import { fullRun } from './full-run';
import { inTestRates } from './in-test-rate';
import { machine } from './machine';
import { propertyScaling } from './property-scaling';
import { failureSection, fullRunSection, machineSection, scalingSection, throughputSection } from './report';

/** FC_NUM_RUNS of the ×1 run of measurement 3 (the ×10 run uses ten times as many). */
const SCALING_N = 30;
const FAILURE_SEEDS = [1, 2, 3, 4, 5];

async function step<T>(label: string, f: () => Promise<T>): Promise<T | Error> {
  const started = performance.now();
  process.stderr.write(`bench: ${label}…`);
  try {
    const r = await f();
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    return r;
  } catch (e) {
    process.stderr.write(` failed\n`);
    return e instanceof Error ? e : new Error(String(e));
  }
}

async function main(): Promise<number> {
  const m = machine();
  useDefaultConfiguration();
  // This process stands for a whole run: its share of CONFORMANCE_MAX_CONCURRENCY (manners.ts) is all of it.
  process.env.CONFORMANCE_WORKERS = '1';

  const throughput = await step('1. client throughput', () => clientThroughput(THROUGHPUT_DEFAULTS));
  const inTest = await step('1. client inside a Playwright test', () => inTestRates(1_000, 3));
  const full = await step('2. full run', () => fullRun(BENCH_PORT_BASE + 20));
  const scaling = await step(`3. full runs with FC_NUM_RUNS=${SCALING_N} and ${10 * SCALING_N}`, () => propertyScaling(SCALING_N, BENCH_PORT_BASE + 30));
  const failure = await step('4. time to a shrunk counterexample', () => failureTime(BENCH_PORT_BASE + 50, FAILURE_SEEDS));
  // Everything the runs wrote has been read; set BENCH_KEEP_REPORTS=1 to look at it afterwards.
  if (process.env.BENCH_KEEP_REPORTS !== '1') removeRunDirs();

  const sections: string[] = [machineSection(m, loadavg()[0] ?? 0)];
  const unmeasured = (what: string, e: Error) => `${what}: could not be measured: ${e.message}`;
  sections.push(
    throughput instanceof Error ? unmeasured('1. Requests per second', throughput) : throughputSection(throughput, inTest instanceof Error ? undefined : inTest),
  );
  if (inTest instanceof Error) sections.push(unmeasured('   Our client inside a Playwright test', inTest));
  sections.push(full instanceof Error ? unmeasured('2. Full run', full) : fullRunSection(full, m.cores, m.load1));
  sections.push(scaling instanceof Error ? unmeasured('3. Property runs ×10', scaling) : scalingSection(scaling));
  sections.push(failure instanceof Error ? unmeasured('4. Time to a counterexample', failure) : failureSection(failure));
  process.stdout.write(`\n${sections.join('\n\n')}\n`);
  return [throughput, inTest, full, scaling, failure].some((r) => r instanceof Error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
