import * as fc from 'fast-check';
import type { TestInfo } from '@playwright/test';
import type { RunSettings } from '../config/run';
import type { Cleanup } from '../fixtures/cleanup';
import { countRequests, inStep, RequestTally, reportStep } from '../http/request-steps';
import { formatExchanges, type Transcript } from '../http/transcript';
import { Blocked, HarnessError, isAssertion, type RuleRecorder } from '../rules/recorder';
import { plainText } from '../text';
import type { CheckOutcome } from '../rules/types';

export interface PropertyRun {
  /** The rule the property checks: its failure is a counterexample, shrunk and replayed. */
  readonly rule: string;
  readonly rules: RuleRecorder;
  /** Each iteration gets a scope of it, undone before the next iteration starts. */
  readonly cleanup: Cleanup;
  readonly transcript: Transcript;
  readonly run: RunSettings;
  /** Runs when FC_NUM_RUNS is unset; each provider keeps it small enough for a live target. */
  readonly defaultNumRuns: number;
  /** Where the counterexample is attached; absent outside a Playwright test (the bench). */
  readonly testInfo?: TestInfo;
  /** Called when an iteration first fails (the bench times it). */
  readonly onFirstFailure?: () => void;
}

/**
 * Wraps one iteration's body: it gets its own cleanup scope, and harness trouble or a blocked step inside it ends
 * the whole property at once instead of being shrunk as if it were a counterexample.
 */
export type Iterate = <A extends unknown[]>(body: (scope: Cleanup, ...args: A) => Promise<unknown>) => (...args: A) => Promise<void>;

export type PropertyFactory<T> = (replayPath: string | undefined, iterate: Iterate) => fc.IAsyncPropertyWithHooks<T>;

/** How the property ended: the outcome of its rule is recorded in any case. */
export type PropertyResult =
  | { readonly status: 'pass'; readonly numRuns: number }
  | { readonly status: 'fail'; readonly numRuns: number; readonly numShrinks: number; readonly counterexample: string; readonly reproduce: string };

export const COUNTEREXAMPLE_ATTACHMENT = 'fast-check-counterexample.txt';

/** An iteration broke the property's own rule: fast-check shrinks it. */
class Counterexample extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** The `replayPath` fast-check prints inside a commands counterexample, for FC_REPLAY_PATH. */
function replayPathOf(counterexample: string): string | undefined {
  return /replayPath="([^"]+)"/.exec(counterexample)?.[1];
}

/**
 * Checks an async property with the run's fast-check settings (FC_NUM_RUNS, FC_SEED, FC_PATH), and records one
 * verdict for its rule:
 * - every run held: one pass for the rule (and one for each other rule its runs checked);
 * - a run broke the rule: the counterexample is shrunk, then replayed once so that the recorded failure and the
 *   attached transcript are exactly that case, with the seed, the path and the command that reproduces it;
 * - another rule failed on the way: recorded once, at its first failure, and the runs go on; a needed check of
 *   another rule that failed ends the property, which is then blocked by that rule;
 * - harness or network trouble ends the property at once (no shrinking: that would only send more requests to a
 *   live target), recorded as an error.
 * Never throws for a failed check: the test goes on (and fails at its end for a broken MUST).
 */
export async function checkProperty<T>(ctx: PropertyRun, makeProperty: PropertyFactory<T>): Promise<PropertyResult> {
  const { rule, rules, run } = ctx;
  const recordedFailure = new Set<string>();
  const passed = new Set<string>();
  let phase: 'search' | 'replay' = 'search';
  let failedOnce = false;
  let replayNote = '';
  let fatal: unknown;
  let runNo = 0;

  const sink = (o: CheckOutcome): void => {
    if (o.status === 'pass') return void passed.add(o.rule);
    if (o.status === 'fail') {
      if (o.rule === rule) {
        // Only the replay's failure is the verdict; the search's failures are fast-check's business.
        if (phase === 'replay' && !recordedFailure.has(rule)) {
          recordedFailure.add(rule);
          rules.record({ ...o, message: `${o.message ?? 'failed'}${replayNote}` });
        }
        throw new Counterexample(o.message ?? `${rule} failed`);
      }
      // Another rule broke: recorded at its first failure, and the run goes on.
      if (!recordedFailure.has(o.rule)) {
        recordedFailure.add(o.rule);
        rules.record(o);
      }
      return;
    }
    rules.record(o);
  };

  const iterate: Iterate = (body) => async (...args) => {
    // The property has ended: every further case fast-check tries passes at once, without a request.
    if (fatal !== undefined) return;
    const scope = ctx.cleanup.scope();
    runNo += 1;
    // A search run is one report step, told when it is over: its requests (undo steps included) counted in one
    // line. The replay's requests get a step each.
    const tally = phase === 'search' ? new RequestTally() : undefined;
    let ending = '';
    try {
      await countRequests(tally, () => body(scope, ...args));
    } catch (e) {
      if (e instanceof Counterexample || isAssertion(e)) {
        // What failed is the verdict's to tell (once, for the replayed case); the step says only that it did.
        ending = '; failed';
        if (!failedOnce) ctx.onFirstFailure?.();
        failedOnce = true;
        if (phase === 'replay' && !(e instanceof Counterexample) && !recordedFailure.has(rule)) {
          recordedFailure.add(rule);
          rules.record({ rule, status: 'fail', message: `${plainText((e as Error).message)}${replayNote}` });
        }
        throw e;
      }
      // A blocked step while shrinking a counterexample only means this smaller case is not one.
      if (e instanceof Blocked && failedOnce) return;
      ending = '; ended the property';
      fatal = e;
    } finally {
      // Problems of the undo are the root cleanup's to report; they never fail the iteration.
      await countRequests(tally, () => scope.run());
      if (tally) await reportStep(`run ${runNo}: ${tally.describe()}${ending}`);
    }
  };

  const params: fc.Parameters<T> = {
    numRuns: run.fcNumRuns ?? ctx.defaultNumRuns,
    ...(run.fcSeed !== undefined ? { seed: run.fcSeed } : {}),
    ...(run.fcPath !== undefined ? { path: run.fcPath, endOnFailure: true } : {}),
  };
  // The search, its runs and their shrinking in one step: Playwright finds the parent of a step inside it at once,
  // while one at the test's top level costs a walk over every earlier step.
  const details = await inStep(`${rule}: fast-check search, up to ${params.numRuns} runs`, () =>
    rules.divert(sink, () => fc.check(makeProperty(run.fcReplayPath, iterate), params)),
  );

  if (fatal instanceof Blocked) return rules.block(fatal.rule, fatal.what);
  if (fatal !== undefined) {
    const message = plainText(fatal instanceof Error ? fatal.message : String(fatal));
    // Recorded where it happened when it came from a check; otherwise it is recorded here, against the property.
    if (!(fatal instanceof HarnessError && fatal.recorded)) rules.record({ rule, status: 'error', message: `the property could not be checked: ${message}` });
    const err = new HarnessError(`[${rule}] the property could not be checked: ${message}`, { cause: fatal });
    err.recorded = true;
    throw err;
  }
  // One pass for each other rule the runs checked and never saw fail: the runs' many checks make one verdict.
  const recordOtherPasses = () => {
    for (const other of passed) if (other !== rule && !recordedFailure.has(other)) rules.record({ rule: other, status: 'pass' });
  };
  if (!details.failed) {
    recordOtherPasses();
    rules.record({ rule, status: 'pass' });
    return { status: 'pass', numRuns: details.numRuns };
  }

  const counterexample = details.counterexample ? fc.stringify(details.counterexample) : '(none)';
  const replayPath = replayPathOf(counterexample);
  const env = [`FC_SEED=${details.seed}`, `FC_PATH=${details.counterexamplePath ?? ''}`, ...(replayPath ? [`FC_REPLAY_PATH=${replayPath}`] : [])];
  const title = ctx.testInfo?.titlePath.slice(1).join(' ') ?? rule;
  const grep = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reproduce = `${env.join(' ')} npx playwright test --project=${ctx.testInfo?.project.name ?? '<provider>'} -g ${JSON.stringify(grep)}`;
  replayNote = `\n  fast-check seed ${details.seed}, path "${details.counterexamplePath}", counterexample ${counterexample}\n  reproduce: ${reproduce}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));

  // Replayed once, so the recorded failure and the transcript are the requests of exactly the shrunk case.
  // Commands shrink on what ran, so their replay needs the replayPath as well as seed and path.
  const mark = ctx.transcript.length;
  phase = 'replay';
  let replayProblem = '';
  await inStep(`replay of the shrunk counterexample (seed ${details.seed}, path "${details.counterexamplePath ?? ''}")`, () =>
    rules.divert(sink, () => fc.check(makeProperty(replayPath, iterate), { seed: details.seed, path: details.counterexamplePath ?? undefined, numRuns: 1, endOnFailure: true })),
  )
    .catch((e: unknown) => (replayProblem = `(the replay for this transcript failed: ${e instanceof Error ? e.message : String(e)})`));
  // Set by the replay's iteration (TypeScript cannot see that through the callback).
  const replayEnded = fatal as unknown;
  if (replayEnded !== undefined && !replayProblem) replayProblem = `(the replay for this transcript did not run to its end: ${replayEnded instanceof Error ? replayEnded.message : String(replayEnded)})`;
  if (!recordedFailure.has(rule)) {
    // Not reproduced on replay (the target's state moved on): the search's failure is the verdict.
    recordedFailure.add(rule);
    rules.record({ rule, status: 'fail', message: `${plainText(error.message)}${replayNote}\n  (not reproduced when replayed once)` });
  }
  recordOtherPasses();
  await ctx.testInfo?.attach(COUNTEREXAMPLE_ATTACHMENT, {
    contentType: 'text/plain',
    body: [
      `Property failed after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s).`,
      `seed: ${details.seed}`,
      `path: ${details.counterexamplePath ?? ''}`,
      `counterexample: ${counterexample}`,
      `error: ${plainText(error.message)}`,
      `reproduce: ${reproduce}`,
      '',
      'requests of the shrunk counterexample:',
      replayProblem || formatExchanges(ctx.transcript.since(mark)),
    ].join('\n'),
  });
  return { status: 'fail', numRuns: details.numRuns, numShrinks: details.numShrinks, counterexample, reproduce };
}

/** `fc.commands` with a replay path, so FC_REPLAY_PATH replays a shrunk command sequence exactly. */
export function commandsFor<M extends object, R>(
  commands: fc.Arbitrary<fc.AsyncCommand<M, R>>[],
  replayPath: string | undefined,
  maxCommands: number,
): fc.Arbitrary<Iterable<fc.AsyncCommand<M, R>>> {
  return fc.commands(commands, { maxCommands, ...(replayPath ? { replayPath } : {}) });
}

/** How many items an iteration makes before its commands run. */
export interface OpenedFirst {
  readonly count: number;
}

/**
 * 0 to `max` items made before the commands: a command can only hit the wrong item when it has neighbours,
 * and random sequences seldom make two first. Shrinks towards none; a counterexample prints it as
 * "2 sessions opened first".
 */
export function openedFirst(max: number, noun: string): fc.Arbitrary<OpenedFirst> {
  return fc.integer({ min: 0, max }).map((count) => ({ count, [fc.toStringMethod]: () => `${count} ${noun} opened first` }));
}
