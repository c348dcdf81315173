import { expect, test } from '@playwright/test';
import { providersWithoutSafety, safetyCases, type SafetyTarget } from '../support/safety-cases';
import { startSuite, type SuiteRun } from '../support/run-suite';

/**
 * Production safety: pointed at a target that holds data the run did not create, a run (green, failing, or
 * interrupted with Ctrl-C) leaves that data exactly as it was, and removes its own wherever the API can.
 * Each provider's mock runs in this process, records what it hands out, and is read back through its API.
 */
test.describe.configure({ mode: 'parallel' });

/** Small and fast: these runs are about what is left on the target, not about the rules. */
const RUN_ENV = { FC_NUM_RUNS: '2', CONFORMANCE_WORKERS: '2' };
const RUN_TIMEOUT_MS = 4 * 60_000;
/** How long after npx's exit an interrupted run's processes may take to finish their cleanup and exit. */
const GROUP_EXIT_BOUND_MS = 60_000;

type Kind = 'green' | 'failing' | 'interrupted';
const TITLE: Record<Kind, string> = { green: 'a green run', failing: 'a run with failing MUST rules', interrupted: 'a run interrupted with Ctrl-C' };

interface Outcome {
  readonly run: SuiteRun;
  /** Our clock when the child had exited. */
  readonly endedAt: number;
  /** Exchanges after which the run held data on the target (`holdsData`). */
  readonly holding: number;
  /** Every process of the run had exited (after an interrupt: within GROUP_EXIT_BOUND_MS of npx's exit). */
  readonly groupGone: boolean;
  readonly interruptedAfterMs?: number;
}

/** Runs the provider's suite against the target; an interrupted run gets SIGINT at its process group mid-way. */
async function runAgainst(target: SafetyTarget, kind: Kind, interruptAfter: number): Promise<Outcome> {
  const env = { ...target.env, ...RUN_ENV };
  const child = await startSuite([`--project=${target.provider}`], env, { timeoutMs: RUN_TIMEOUT_MS, detached: kind === 'interrupted' });
  const startedAt = Date.now();
  let interruptedAt: number | undefined;
  let holding = 0;
  target.recording.onExchange((e) => {
    if (!target.holdsData(e)) return;
    holding++;
    // Inside the mock, before it answers: the run holds data it has not even been told about yet, as with a
    // Ctrl-C that lands while a create is on its way.
    if (kind !== 'interrupted' || interruptedAt !== undefined || holding < interruptAfter) return;
    interruptedAt = Date.now();
    child.interrupt();
  });
  const run = await child.finished;
  // Ctrl-C in a terminal gives the prompt back when npx exits; the run's runner and workers may still be undoing
  // what it made. The run has ended when they have, which must be soon (bounded, as every run is).
  const groupGone = kind === 'interrupted' ? await child.groupGone(GROUP_EXIT_BOUND_MS) : true;
  return { run, endedAt: Date.now(), holding, groupGone, interruptedAfterMs: interruptedAt === undefined ? undefined : interruptedAt - startedAt };
}

test('every provider with a bundled mock has a production-safety case beside it (safety.ts)', () => {
  expect(providersWithoutSafety()).toEqual([]);
});

for (const c of safetyCases()) {
  const provider = c.provider;
  test.describe(`${provider}: on a target that holds data the run did not create`, () => {
    for (const kind of ['green', 'failing', 'interrupted'] as const) {
      test(`after ${TITLE[kind]}, that data is untouched and the run's own is gone wherever the API can delete it`, async () => {
        test.setTimeout(RUN_TIMEOUT_MS + 60_000);
        const target = await c.start(kind === 'failing' ? c.failingFaults : '');
        try {
          const before = await target.seedForeign();
          const { run, endedAt, holding, groupGone, interruptedAfterMs } = await runAgainst(target, kind, c.interruptAfter);
          expect(groupGone, `every process of the run exits within ${GROUP_EXIT_BOUND_MS} ms of the interrupt's end`).toBe(true);
          const after = await target.readForeign();
          // Every process of the run has exited: what it left now is what stays.
          const left = await target.leftovers({ endedAt });
          const kept = await target.undeletable({ endedAt });
          // What was seeded, what remained, and the times, for the record (and for a reader of a failure).
          test.info().annotations.push({
            type: 'production-safety',
            description: JSON.stringify({ provider, kind, exitCode: run.exitCode, runMs: run.durationMs, interruptedAfterMs, holding, requests: target.recording.exchanges.length, left, kept }),
          });
          // First what matters most: nothing of anyone else's was touched; then the run left nothing deletable.
          expect(after, 'the data the run did not create is exactly as before').toEqual(before);
          expect(left, "the run's own data that the API can delete is gone").toEqual([]);

          const tail = run.output.slice(-2500);
          if (kind === 'green') expect(run.exitCode, tail).toBe(0);
          if (kind === 'failing') {
            expect(run.exitCode, tail).toBe(1);
            const failed = run.report(provider).rules.filter((r) => r.status === 'fail').map((r) => r.id);
            expect(failed, 'the faults broke their MUST rules').toEqual(expect.arrayContaining([...c.failingRules]));
          }
          if (kind === 'interrupted') {
            expect(interruptedAfterMs, `the run was interrupted while it held data on the target\n${tail}`).toBeDefined();
            expect(run.exitCode, tail).toBe(130);
          } else {
            expect(run.report(provider).cleanupProblems, 'every cleanup step worked').toEqual([]);
          }
        } finally {
          await target.close();
        }
      });
    }
  });
}
