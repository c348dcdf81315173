import * as fc from 'fast-check';
import type { RuleRecorder } from '../../harness/rules/recorder';
import { sleep } from '../../harness/time/clock';
import { expect, rules, test } from './fixtures';
import { lastDeadline, settled, violations, type ClosedSession, type TimelineWindows } from './model/close-timeline';
import { webidaProvider } from './provider';
import { connectedSession, listedSessions } from './steps';
import type { WebidaApi } from './webida-api';

const RULE = 'webida.close-after-timeline';
const POLL_MS = 250;

/** Two to four sessions per iteration, each with a small closeAfter (≤ 0 included); unbiased, so sizes spread. */
const closeAfters = (maxS: number) => fc.noBias(fc.array(fc.integer({ min: -1, max: maxS }), { minLength: 2, maxLength: 4 }));

/**
 * Connects one session per closeAfter, closes them back to back, then looks at findSessions and the sockets
 * until every session is gone (or the last deadline has passed) and compares each look with the model.
 */
async function closeTogether(api: WebidaApi, ns: readonly number[], recorder: RuleRecorder, w: TimelineWindows): Promise<void> {
  const sockets = await Promise.all(ns.map((_, i) => connectedSession(api, recorder, `timeline-${i}`)));
  const origin = Date.now();
  const closed: ClosedSession[] = [];
  for (const [i, socket] of sockets.entries()) {
    const sentAt = Date.now();
    const res = await api.close(socket.sessionId, ns[i]!);
    closed.push({ socket, closeAfterS: ns[i]!, sentAt, answeredAt: Date.now() });
    await recorder.check(RULE, () => expect(res.status, `DELETE /sessions/${socket.sessionId}?closeAfter=${ns[i]}`).toBe(200));
  }
  const end = lastDeadline(closed, w);
  for (;;) {
    const sentAt = Date.now();
    const res = await api.find();
    const answeredAt = Date.now();
    // A list that fails shows nothing: the look itself breaks the property.
    const listed = await recorder.need(RULE, () => listedSessions(res));
    const look = { sentAt, answeredAt, listed };
    const problems = violations(closed, look, w, origin);
    if (problems.length) await recorder.check(RULE, () => expect(problems, `closeAfter ${JSON.stringify(ns)}: findSessions and the sockets against the model`).toEqual([]));
    if (settled(closed, look, w) || sentAt > end) break;
    await sleep(POLL_MS);
  }
  await recorder.check(RULE, () => {
    const open = closed.filter((c) => c.socket.connected).map((c) => c.socket.sessionId);
    expect(open, `closeAfter ${JSON.stringify(ns)}: sockets still connected after the last deadline`).toEqual([]);
  });
}

test.describe('Webida sessions: closeAfter, property-based', () => {
  test('for any small closeAfter, sessions closed together each stay until their time and are gone soon after', rules(RULE), async ({ webida, recorder, property, run, settings }) => {
    const { closeAfterS, toleranceMs, closeGraceMs } = settings.timing;
    const windows: TimelineWindows = { toleranceMs, graceMs: closeGraceMs };
    // An iteration lasts about its largest closeAfter; a live target gets fewer runs.
    const defaultRuns = settings.usesMock ? webidaProvider.runs.closeAfterPropertyMock! : webidaProvider.runs.closeAfterPropertyReal!;
    const numRuns = run.fcNumRuns ?? defaultRuns;
    const iterationMs = closeAfterS * 1000 + closeGraceMs + 2 * POLL_MS + 2_000;
    // Room for the runs plus shrinking and replaying a counterexample.
    test.setTimeout(30_000 + (numRuns + 20) * iterationMs);
    await property(RULE, defaultRuns, (_, iterate) =>
      fc.asyncProperty(closeAfters(closeAfterS), iterate(async (scope, ns) => {
        // Each iteration removes its own sessions before the next starts.
        await closeTogether(webida.withCleanup(scope), ns, recorder, windows);
      })));
  });
});
