import * as fc from 'fast-check';
import type { TestInfo } from '@playwright/test';
import type { RunSettings } from '../config/run';
import { formatExchanges, type Transcript } from '../http/transcript';

export interface PropertyRun {
  readonly testInfo: TestInfo;
  readonly transcript: Transcript;
  readonly run: RunSettings;
  /** Runs when FC_NUM_RUNS is unset; each provider keeps it small enough for a live target. */
  readonly defaultNumRuns: number;
}

export const COUNTEREXAMPLE_ATTACHMENT = 'fast-check-counterexample.txt';

/** The `replayPath` fast-check prints inside a commands counterexample, for FC_REPLAY_PATH. */
function replayPathOf(counterexample: string): string | undefined {
  return /replayPath="([^"]+)"/.exec(counterexample)?.[1];
}

/**
 * Checks an async property with the run's fast-check settings (FC_NUM_RUNS, FC_SEED, FC_PATH).
 * On failure it replays the shrunk counterexample once, so the attached transcript is the requests of
 * exactly that case, and attaches the seed, the path and the command that reproduces it.
 */
export async function checkProperty<T>(
  makeProperty: (replayPath: string | undefined) => fc.IAsyncPropertyWithHooks<T>,
  ctx: PropertyRun,
): Promise<void> {
  const { run } = ctx;
  const property = makeProperty(run.fcReplayPath);
  const params: fc.Parameters<T> = {
    numRuns: run.fcNumRuns ?? ctx.defaultNumRuns,
    ...(run.fcSeed !== undefined ? { seed: run.fcSeed } : {}),
    ...(run.fcPath !== undefined ? { path: run.fcPath, endOnFailure: true } : {}),
  };
  const details = await fc.check(property, params);
  if (!details.failed) return;

  const counterexample = details.counterexample ? fc.stringify(details.counterexample) : '(none)';
  const replayPath = replayPathOf(counterexample);
  const mark = ctx.transcript.length;
  let replayNote = '';
  try {
    // Commands shrink on what ran, so their replay needs the replayPath as well as seed and path.
    await fc.check(makeProperty(replayPath), { seed: details.seed, path: details.counterexamplePath ?? undefined, numRuns: 1, endOnFailure: true });
  } catch (e) {
    replayNote = `(the replay for this transcript failed: ${e instanceof Error ? e.message : String(e)})`;
  }
  const title = ctx.testInfo.titlePath.slice(1).join(' ');
  const env = [`FC_SEED=${details.seed}`, `FC_PATH=${details.counterexamplePath ?? ''}`, ...(replayPath ? [`FC_REPLAY_PATH=${replayPath}`] : [])];
  const grep = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reproduce = `${env.join(' ')} npx playwright test --project=${ctx.testInfo.project.name} -g ${JSON.stringify(grep)}`;
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  await ctx.testInfo.attach(COUNTEREXAMPLE_ATTACHMENT, {
    contentType: 'text/plain',
    body: [
      `Property failed after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s).`,
      `seed: ${details.seed}`,
      `path: ${details.counterexamplePath ?? ''}`,
      `counterexample: ${counterexample}`,
      `error: ${error.message}`,
      `reproduce: ${reproduce}`,
      '',
      'requests of the shrunk counterexample:',
      replayNote || formatExchanges(ctx.transcript.since(mark)),
    ].join('\n'),
  });
  error.message += `\n  fast-check seed ${details.seed}, path "${details.counterexamplePath}", counterexample ${counterexample}\n  reproduce: ${reproduce}`;
  throw error;
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
