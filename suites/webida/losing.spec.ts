import { eventually } from '../../harness/time/clock';
import { expect, rules, test } from './fixtures';
import type { Session } from './webida-api';
import { connectedSession } from './steps';

test.describe('Webida sessions: a client that leaves', () => {
  test('a client that disconnects by itself is shown LOSING, with willLoseAt', rules('webida.disconnect-shows-losing'), async ({ webida, check, settings, recorder }) => {
    const s = await connectedSession(webida, recorder, 'losing');
    s.disconnect();
    // The server notices the disconnect within the tolerance; until then the session may still read NORMAL.
    const seen = await eventually(
      () => webida.get(s.sessionId),
      (res) => res.status !== 200 || (res.json as Session | undefined)?.state !== 'NORMAL',
      { timeoutMs: settings.timing.toleranceMs, intervalMs: 100 },
    );
    await check('webida.disconnect-shows-losing', () => {
      const res = seen.value;
      expect(res.status, `GET /sessions/${s.sessionId} ${seen.elapsedMs} ms after the client left: still accessible`).toBe(200);
      const session = (res.json ?? {}) as Session;
      expect(session.state, 'state of a session whose client left').toBe('LOSING');
      expect(session.willLoseAt, 'willLoseAt of a LOSING session').toEqual(expect.any(String));
      expect(Date.parse(session.willLoseAt!), `willLoseAt ${session.willLoseAt} is not before disconnectedAt ${session.disconnectedAt}`).toBeGreaterThanOrEqual(Date.parse(session.disconnectedAt));
      expect(Date.parse(session.disconnectedAt), `disconnectedAt ${session.disconnectedAt} is not before connectedAt ${session.connectedAt}`).toBeGreaterThanOrEqual(Date.parse(session.connectedAt));
    });
  });
});
