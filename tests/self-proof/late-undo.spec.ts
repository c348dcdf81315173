import { expect, test } from '@playwright/test';
import { jupyterTarget } from '../../mocks/jupyter/safety';
import type { SafetyTarget } from '../../mocks/core/safety-target';
import { startSuite, type SuiteRun } from '../support/run-suite';

/**
 * Ctrl-C while a create is on its way, with its answer held back past the test's teardown: the create is
 * registered after the test's cleanup has run, so its undo is the "late" kind. The run's exit must wait for that
 * undo (bounded), and report it if it fails. Deterministic: the mock holds the answer until the interrupt has
 * happened and the teardown's wait for requests in flight (CONFORMANCE_TEARDOWN_WAIT_MS) is over.
 */
test.describe.configure({ mode: 'parallel' });

const TEARDOWN_WAIT_MS = 300;
/** Past the teardown's wait, well within the request's own timeout (10 s). */
const HOLD_MS = TEARDOWN_WAIT_MS + 2_500;

interface LateRun {
  readonly run: SuiteRun;
  readonly target: SafetyTarget;
  /** The session whose create was answered late. */
  readonly lateId: string;
  /** Its create answer left the mock at … and its DELETE arrived at … (our clock). */
  readonly answeredAt: number;
  readonly deletedAt?: number;
}

/** Interrupts the Jupyter suite at its first create, answers that create late, and optionally fails its undo. */
async function interruptedWithLateAnswer(failUndo: boolean): Promise<LateRun> {
  const target = await jupyterTarget('');
  await target.seedForeign();
  let child: Awaited<ReturnType<typeof startSuite>> | undefined;
  let held = false;
  let lateId = '';
  let answeredAt = 0;
  let deletedAt: number | undefined;
  target.recording.intercept(async (e) => {
    if (!held && e.method === 'POST' && e.path === '/api/sessions' && e.status === 201) {
      held = true;
      lateId = (e.answer as { id: string }).id;
      child!.interrupt();
      await new Promise((ok) => setTimeout(ok, HOLD_MS));
      answeredAt = Date.now();
      return;
    }
    if (e.method === 'DELETE' && lateId && e.path === `/api/sessions/${lateId}`) {
      deletedAt ??= Date.now();
      if (failUndo) return { status: 500, body: { message: 'the disk is full' } };
    }
  });
  const env = { ...target.env, CONFORMANCE_WORKERS: '1', CONFORMANCE_TEARDOWN_WAIT_MS: String(TEARDOWN_WAIT_MS) };
  child = await startSuite(['--project=jupyter'], env, { timeoutMs: 3 * 60_000, detached: true });
  const run = await child.finished;
  return { run, target, lateId, answeredAt, deletedAt };
}

test('a create answered after its test was interrupted is undone before the run exits', async () => {
  test.setTimeout(4 * 60_000);
  const { run, target, lateId, answeredAt, deletedAt } = await interruptedWithLateAnswer(false);
  try {
    const tail = run.output.slice(-2500);
    expect(run.exitCode, tail).toBe(130);
    expect(lateId, 'a create was held past the interrupt').not.toBe('');
    expect(deletedAt, `the late session ${lateId} was deleted\n${tail}`).toBeGreaterThanOrEqual(answeredAt);
    // Read at once: the run has exited, so whatever it was going to undo is undone.
    expect(await target.leftovers({ endedAt: Date.now() }), "the run's own data is gone").toEqual([]);
    expect(run.output, 'nothing to report').not.toContain('CLEANUP FAILED');
  } finally {
    await target.close();
  }
});

test('an undo of a late create that fails is reported, not dropped', async () => {
  test.setTimeout(4 * 60_000);
  const { run, target, lateId } = await interruptedWithLateAnswer(true);
  try {
    const tail = run.output.slice(-2500);
    expect(run.exitCode, tail).toBe(130);
    expect(run.output, tail).toMatch(new RegExp(`CLEANUP FAILED +jupyter session ${lateId} \\(answered after its test ended\\): DELETE answered 500`));
  } finally {
    await target.close();
  }
});
