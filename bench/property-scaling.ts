import { fullRun, type FullRunResult } from './full-run';
import { REAL_CLOCK_DEFAULT_RUNS, waitChain, type TestWaits } from './wait-chain';

/**
 * The two properties that live on the real clock: each of their runs waits for session starts or closeAfter
 * deadlines, so ten times the runs is ten times those waits by construction (minutes), and they are left out of
 * the measured pair; their waits at ×1 and ×10 are computed from the suites' settings instead.
 */
export const REAL_CLOCK_PROPERTIES = ['@coviu.model-lifecycle', '@webida.close-after-timeline'] as const;

export interface ScalingResult {
  readonly n: number;
  readonly base: FullRunResult;
  readonly tenfold: FullRunResult;
  readonly wallRatio: number;
  readonly rssRatio: number;
  readonly cpuRatio: number;
  /** The slowest tests of the ×10 run, with their time in the ×1 run. */
  readonly tests: readonly { readonly project: string; readonly title: string; readonly baseMs: number; readonly tenfoldMs: number }[];
  /** The real-clock properties' waits with their default runs and ten times as many. */
  readonly realClock: readonly { readonly base: TestWaits; readonly tenfold: TestWaits }[];
}

/**
 * The full run, without the real-clock properties, with FC_NUM_RUNS = n and = 10 n. FC_NUM_RUNS overrides every
 * suite's own default (on the mock: 300 for the Jupyter model, 100 or 200 for Etherpad's and G4's properties), so one
 * common count is used for every property in each run.
 */
export async function propertyScaling(n: number, portBase: number): Promise<ScalingResult> {
  const args = ['--grep-invert', REAL_CLOCK_PROPERTIES.map((t) => t.replace(/\./g, '\\.')).join('|')];
  const base = await fullRun(portBase, { env: { FC_NUM_RUNS: String(n) }, args });
  const tenfold = await fullRun(portBase + 10, { env: { FC_NUM_RUNS: String(10 * n) }, args });
  const key = (t: { project: string; title: string }) => `${t.project}\u0000${t.title}`;
  const baseMs = new Map(base.durations.map((t) => [key(t), t.ms]));
  const tenfoldRuns = { coviu: 10 * REAL_CLOCK_DEFAULT_RUNS.coviu, webida: 10 * REAL_CLOCK_DEFAULT_RUNS.webida };
  const tenfoldWaits = waitChain(tenfoldRuns).tests;
  const realClock = waitChain(REAL_CLOCK_DEFAULT_RUNS)
    .tests.filter((w) => w.fcRuns !== undefined)
    .map((w) => ({ base: w, tenfold: tenfoldWaits.find((x) => x.test === w.test)! }));
  return {
    n,
    base,
    tenfold,
    wallRatio: tenfold.run.wallMs / base.run.wallMs,
    rssRatio: tenfold.run.usage.peakRssBytes / base.run.usage.peakRssBytes,
    cpuRatio: tenfold.run.usage.cpuMs / base.run.usage.cpuMs,
    tests: tenfold.durations.slice(0, 6).map((t) => ({ project: t.project, title: t.title, baseMs: baseMs.get(key(t)) ?? NaN, tenfoldMs: t.ms })),
    realClock,
  };
}
