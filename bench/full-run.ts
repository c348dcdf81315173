import { runPlaywright, type ChildRun } from './child-run';
import { projectSpans, type ProjectSpan } from './project-spans';
import { testDurations, type TestDuration } from './test-durations';
import { runsOf, waitChain, type TestWaits } from './wait-chain';

export interface FullRunResult {
  readonly run: ChildRun;
  readonly chain: TestWaits;
  /** Every test that waits, longest expected wait first. */
  readonly waits: readonly TestWaits[];
  /** run.wallMs / chain.floorMs; target ≤ 1.5. */
  readonly ratio: number;
  /** Every test, slowest first. */
  readonly durations: readonly TestDuration[];
  readonly spans: readonly ProjectSpan[];
}

export interface FullRunOptions {
  readonly env?: Record<string, string>;
  /** More arguments for `playwright test` (e.g. a --grep-invert). */
  readonly args?: readonly string[];
  readonly timeoutMs?: number;
}

/** The five provider suites against their bundled mocks, as `npx playwright test` runs them, on the real clock. */
export async function fullRun(portBase: number, options: FullRunOptions = {}): Promise<FullRunResult> {
  const env = options.env ?? {};
  const run = await runPlaywright(options.args ?? [], { portBase, env, timeoutMs: options.timeoutMs ?? 300_000 });
  const { longest, tests } = waitChain(runsOf(env.FC_NUM_RUNS ? Number(env.FC_NUM_RUNS) : undefined));
  return {
    run,
    chain: longest,
    waits: tests,
    ratio: run.wallMs / longest.floorMs,
    durations: testDurations(run.reportDir),
    spans: projectSpans(run.reportDir, run.spawnedAt),
  };
}
