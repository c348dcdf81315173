import * as fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { modelProperty } from '../../harness/property/model';
import { rules, test } from './fixtures';
import {
  AddParticipant, CancelParticipant, CancelSession, closingSweep, CreateSession, GetSession, ListSessions, UpdateParticipant, UpdateSession,
  WaitFor,
} from './model/commands';
import type { LifecycleCommand, LifecycleModel, LifecycleReal } from './model/lifecycle-model';
import { coviuProvider } from './provider';
import { runName } from './run-window';

/** Runs and commands per run are few: every run lives on the real clock (FC_NUM_RUNS overrides the runs). */
const DEFAULT_RUNS = coviuProvider.runs.lifecycleModel!;
const MAX_COMMANDS = 10;
/** Once a failure is found, shrinking may spend this much more real time; then the smallest failure so far stands. */
const SHRINK_BUDGET_MS = 20_000;

function lifecycleCommands(maxListPages: number): fc.Arbitrary<LifecycleCommand>[] {
  const index = fc.nat(7);
  return [
    fc.tuple(fc.constantFrom('valid', 'valid', 'past-start', 'end-at-start') as fc.Arbitrary<'valid' | 'past-start' | 'end-at-start'>, fc.boolean())
      .map(([kind, withParticipant]) => new CreateSession(kind, withParticipant)),
    index.map((i) => new UpdateSession(i)),
    index.map((i) => new CancelSession(i)),
    fc.tuple(index, fc.constantFrom('host', 'guest') as fc.Arbitrary<'host' | 'guest'>).map(([i, role]) => new AddParticipant(i, role)),
    index.map((i) => new UpdateParticipant(i)),
    index.map((i) => new CancelParticipant(i)),
    fc.tuple(index, fc.boolean()).map(([i, withDeleted]) => new GetSession(i, withDeleted)),
    fc.boolean().map((includeCanceled) => new ListSessions(includeCanceled, maxListPages)),
    fc.tuple(index, fc.constantFrom('started', 'finished') as fc.Arbitrary<'started' | 'finished'>).map(([i, phase]) => new WaitFor(i, phase)),
  ];
}

test.describe('Coviu sessions: model-based', () => {
  test('sequences of create, update, cancel, participant changes, reads and waits agree with a clock-aware model', rules('coviu.model-lifecycle'), async ({ coviu, timeline, recorder, property, run, settings }) => {
    const { leadMs, durationMs, toleranceMs } = settings.timing;
    // One run waits at most for one session's start and end, plus the settling around starts and ends; its
    // closing sweep waits for the first session's start.
    const waitBudgetMs = leadMs + durationMs + 2 * toleranceMs;
    const runBoundMs = waitBudgetMs + leadMs + 4 * toleranceMs + 15_000;
    const numRuns = run.fcNumRuns ?? DEFAULT_RUNS;
    test.setTimeout((numRuns + 1) * runBoundMs + SHRINK_BUDGET_MS + 30_000);
    await coviu.sampleClock();
    const commands = lifecycleCommands(settings.maxListPages);

    await property('coviu.model-lifecycle', DEFAULT_RUNS, modelProperty<LifecycleModel, LifecycleReal>({
      // Each run names its sessions apart, and starts from two scheduled sessions with a participant each.
      initial: async (scope) => {
        const real: LifecycleReal = { api: coviu.withCleanup(scope), rules: recorder };
        const model: LifecycleModel = {
          tag: runName(`model-${randomBytes(3).toString('hex')}`),
          beganMs: timeline.clock.now(),
          timeline,
          sessions: [],
          waitBudgetMs,
          serial: 0,
        };
        await new CreateSession('valid', true).run(model, real);
        await new CreateSession('valid', true).run(model, real);
        return { model, real };
      },
      commands,
      maxCommands: MAX_COMMANDS,
      compare: (model, real) => closingSweep(model, real, settings.maxListPages),
      shrinkBudgetMs: SHRINK_BUDGET_MS,
    }));
  });
});
