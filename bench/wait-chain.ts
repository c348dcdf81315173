import { runSettings } from '../harness/config/run';
import { providersByName } from '../harness/provider/discover';
import type { CoviuSettings } from '../suites/coviu/provider';
import type { G4Settings } from '../suites/g4/provider';
import { ttlPlan } from '../suites/g4/ttl';
import type { WebidaSettings } from '../suites/webida/provider';

const providers = providersByName();

/**
 * fast-check runs of the two properties that live on the real clock, as the providers declare them for the
 * mock. FC_NUM_RUNS overrides both.
 */
export const REAL_CLOCK_DEFAULT_RUNS: PropertyRuns = {
  coviu: providers.coviu!.runs.lifecycleModel!,
  webida: providers.webida!.runs.closeAfterPropertyMock!,
};

/** fast-check runs of the Coviu lifecycle model and of the Webida closeAfter property. */
export interface PropertyRuns {
  readonly coviu: number;
  readonly webida: number;
}

/** The sleeps one test cannot do without, on the real clock, one after another. */
export interface TestWaits {
  readonly test: string;
  /** What every run of the test must wait, whatever fast-check draws. */
  readonly floorMs: number;
  /** What it waits with the draws fast-check makes on average (= floor for a test without draws). */
  readonly expectedMs: number;
  readonly how: string;
  /** For a property: its fast-check runs, one after another. */
  readonly fcRuns?: number;
}

/**
 * The longest chain of waits of a run: tests run side by side (fullyParallel), so the run cannot be shorter
 * than the test whose own waits, one after another, take longest. Computed from the suites' timing settings.
 */
export function waitChain(runs: PropertyRuns = runsOf(runSettings().fcNumRuns)): { readonly longest: TestWaits; readonly tests: readonly TestWaits[] } {
  const coviu = (providers.coviu!.settings() as CoviuSettings).timing;
  const webida = (providers.webida!.settings() as WebidaSettings).timing;
  const ttlMs = (providers.g4!.settings() as G4Settings).sessionTtlMs;
  // A Coviu session starts on the whole second after now + lead: on average half a second later.
  const roundingMs = 500;
  const { coviu: coviuRuns, webida: webidaRuns } = runs;
  const n = webida.closeAfterS;
  const tests: TestWaits[] = [
    {
      test: 'coviu lifecycle model',
      floorMs: coviuRuns * (coviu.leadMs + coviu.toleranceMs),
      expectedMs: coviuRuns * (coviu.leadMs + coviu.toleranceMs + roundingMs),
      how: `${coviuRuns} runs one after another, each waiting for its first session to start (lead ${coviu.leadMs} + tolerance ${coviu.toleranceMs} ms) before its closing sweep; drawn waits add up to ${coviu.leadMs + coviu.durationMs + 2 * coviu.toleranceMs} ms per run`,
      fcRuns: coviuRuns,
    },
    {
      test: 'coviu finished session',
      floorMs: coviu.leadMs + coviu.durationMs + coviu.toleranceMs,
      expectedMs: coviu.leadMs + coviu.durationMs + coviu.toleranceMs + roundingMs,
      how: `until the end is past: lead ${coviu.leadMs} + duration ${coviu.durationMs} + tolerance ${coviu.toleranceMs} ms`,
    },
    {
      test: 'coviu started session',
      floorMs: coviu.leadMs + coviu.toleranceMs,
      expectedMs: coviu.leadMs + coviu.toleranceMs + roundingMs,
      how: `until the start is past: lead ${coviu.leadMs} + tolerance ${coviu.toleranceMs} ms`,
    },
    {
      test: 'webida closeAfter property',
      floorMs: 0,
      expectedMs: Math.round(webidaRuns * expectedLargestCloseAfterS(n) * 1000),
      how: `${webidaRuns} runs one after another, each until its largest closeAfter (2–4 drawn from −1…${n} s) has passed`,
      fcRuns: webidaRuns,
    },
    {
      test: 'webida closeAfter = N',
      floorMs: n * 1000,
      expectedMs: n * 1000,
      how: `CLOSING until N = ${n} s, then gone (the mock closes on time; the grace of ${webida.closeGraceMs} ms is a bound, not a wait)`,
    },
  ];
  if (ttlMs !== undefined) {
    const plan = ttlPlan(ttlMs);
    tests.push(
      { test: 'g4 sliding TTL', floorMs: plan.slideSpanMs, expectedMs: plan.slideSpanMs, how: `reads every TTL/2 for 2 × TTL (${ttlMs} ms)` },
      { test: 'g4 TTL expires', floorMs: ttlMs + plan.marginMs, expectedMs: ttlMs + plan.marginMs, how: `TTL ${ttlMs} + margin ${plan.marginMs} ms` },
      { test: 'g4 static reads', floorMs: ttlMs, expectedMs: ttlMs, how: `polls until the session expires, TTL ${ttlMs} ms` },
    );
  }
  const longest = tests.reduce((a, b) => (b.floorMs > a.floorMs ? b : a));
  return { longest, tests: [...tests].sort((a, b) => b.expectedMs - a.expectedMs) };
}

/** FC_NUM_RUNS, when set, is the run count of every property; unset, each suite's default holds. */
export function runsOf(fcNumRuns: number | undefined): PropertyRuns {
  return fcNumRuns === undefined ? REAL_CLOCK_DEFAULT_RUNS : { coviu: fcNumRuns, webida: fcNumRuns };
}

/**
 * E[max] of k closeAfters drawn uniformly from −1…n (k uniform in 2…4, fc.noBias), counting ≤ 0 as no wait:
 * E[max⁺] = Σ_{j=1..n} P(max ≥ j) = Σ_j (1 − ((j + 1) / (n + 2))^k).
 */
function expectedLargestCloseAfterS(n: number): number {
  const ks = [2, 3, 4];
  const values = n + 2;
  let sum = 0;
  for (const k of ks) for (let j = 1; j <= n; j++) sum += 1 - ((j + 1) / values) ** k;
  return sum / ks.length;
}
