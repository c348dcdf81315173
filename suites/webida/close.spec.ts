import { TargetClock, eventually, sleep } from '../../harness/time/clock';
import { expect, rules, test } from './fixtures';
import type { Session } from './webida-api';
import { CLOSING_EVENT, answeredList, connectedSession, listedIds, socketState } from './steps';

const POLL_MS = 250;

const secondsSince = (origin: number, at: number) => `+${((at - origin) / 1000).toFixed(2)} s`;

test.describe('Webida sessions: closeSession', () => {
  test('closeSession with closeAfter = N: CLOSING until N seconds have passed, gone soon after', rules('webida.close-answers-ok', 'webida.close-marks-closing', 'webida.close-not-before', 'webida.close-eventually', 'webida.close-notifies-client'), async ({ webida, check, settings, recorder }) => {
    const { closeAfterS: n, toleranceMs, closeGraceMs } = settings.timing;
    test.setTimeout(30_000 + n * 1_000 + closeGraceMs);
    const s = await connectedSession(webida, recorder, 'close');

    const clock = new TargetClock();
    const sentAt = Date.now();
    const res = await webida.close(s.sessionId, n);
    const answeredAt = Date.now();
    clock.observe(res.headers.date, sentAt, answeredAt);
    await check('webida.close-answers-ok', () => {
      expect(res.status, `DELETE /sessions/${s.sessionId}?closeAfter=${n}`).toBe(200);
      expect(res.json, 'a RestOK body').toEqual(expect.any(Object));
    });
    // How a closing session behaves can only be asked of one the server agreed to close.
    if (res.status < 200 || res.status > 299) recorder.block('webida.close-answers-ok', `DELETE /sessions/${s.sessionId}?closeAfter=${n} answered ${res.status}: the session was not closed`);

    const closing = await webida.get(s.sessionId);
    await check('webida.close-marks-closing', () => {
      expect(closing.status, 'GET right after closeSession: the session is still there').toBe(200);
      const session = (closing.json ?? {}) as Partial<Session>;
      expect(session.state, 'state right after closeSession').toBe('CLOSING');
      expect(session.willCloseAt, 'willCloseAt of a CLOSING session').toEqual(expect.any(String));
      // On the target's clock the close happened between our send and its answer.
      const earliest = sentAt + clock.offsetMs + n * 1000;
      const latest = answeredAt + clock.offsetMs + n * 1000;
      const slack = toleranceMs + clock.uncertaintyMs;
      const willCloseAt = Date.parse(session.willCloseAt!);
      expect(willCloseAt, `willCloseAt ${session.willCloseAt} ≈ now + ${n} s (± ${slack} ms)`).toBeGreaterThanOrEqual(earliest - slack);
      expect(willCloseAt, `willCloseAt ${session.willCloseAt} ≈ now + ${n} s (± ${slack} ms)`).toBeLessThanOrEqual(latest + slack);
    });

    // Until N seconds (less the tolerance) have passed, every look must find the session CLOSING and connected.
    const notBefore = sentAt + n * 1000 - toleranceMs;
    const early: string[] = [];
    while (Date.now() < notBefore) {
      const lookedAt = Date.now();
      const seen = await webida.get(s.sessionId);
      const state = seen.status === 200 ? (seen.json as Session | undefined)?.state : `status ${seen.status}`;
      if (state !== 'CLOSING') early.push(`${secondsSince(sentAt, lookedAt)}: ${state}`);
      await sleep(Math.min(POLL_MS, notBefore - Date.now()));
    }
    await check('webida.close-not-before', () => {
      expect(early, `GET /sessions/${s.sessionId} before ${n} s − ${toleranceMs} ms had passed`).toEqual([]);
      if (s.disconnectedAt !== undefined) {
        expect(s.disconnectedAt, `the socket stays connected until ${n} s − ${toleranceMs} ms: ${s.describe(sentAt)}`).toBeGreaterThanOrEqual(notBefore);
      }
    });

    await check('webida.close-notifies-client', () => {
      const notices = s.eventsSince(sentAt).filter((e) => s.disconnectedAt === undefined || e.at <= s.disconnectedAt);
      expect(notices.map((e) => e.name), `socket events the client got between closeSession and its disconnect (${CLOSING_EVENT} expected)`).toContain(CLOSING_EVENT);
    });

    const deadline = answeredAt + n * 1000 + closeGraceMs;
    const end = await eventually(
      async () => ({ listed: await webida.find(), connected: s.connected }),
      (v) => answeredList(v.listed) && !(v.listed.json as Session[]).some((x) => x.id === s.sessionId) && !v.connected,
      { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: POLL_MS },
    );
    await check('webida.close-eventually', () => {
      // Asserted as a list: a findSessions that fails says nothing about what it would list.
      expect(listedIds(end.value.listed), `findSessions at ${secondsSince(sentAt, Date.now())} (closeAfter ${n} s, grace ${closeGraceMs} ms)`).not.toContain(s.sessionId);
      expect(end.value.connected ? 'connected' : 'disconnected', `the socket by ${n} s + ${closeGraceMs} ms: ${s.describe(sentAt)}`).toBe('disconnected');
    });
  });

  test('closeSession with closeAfter ≤ 0 closes at once', rules('webida.close-zero-at-once'), async ({ webida, check, settings, recorder }) => {
    const { toleranceMs } = settings.timing;
    const sessions = [await connectedSession(webida, recorder, 'zero'), await connectedSession(webida, recorder, 'negative')];
    const closeAfters = [0, -1];
    const closes = await Promise.all(sessions.map(async (s, i) => ({ res: await webida.close(s.sessionId, closeAfters[i]!), answeredAt: Date.now() })));
    const settled = await eventually(
      async () => ({ listed: await webida.find(), connected: sessions.map((s) => s.connected) }),
      (v) => answeredList(v.listed) && !(v.listed.json as Session[]).some((x) => sessions.some((s) => s.sessionId === x.id)) && !v.connected.some(Boolean),
      { timeoutMs: toleranceMs, intervalMs: Math.min(POLL_MS, toleranceMs) },
    );
    for (const [i, s] of sessions.entries()) {
      await check('webida.close-zero-at-once', () => {
        const what = `closeAfter ${closeAfters[i]} (answered ${closes[i]!.res.status}), ${toleranceMs} ms after the answer`;
        expect(listedIds(settled.value.listed), `findSessions (${what})`).not.toContain(s.sessionId);
        expect(settled.value.connected[i] ? 'connected' : 'disconnected', `the socket (${what}): ${s.describe(closes[i]!.answeredAt)}`).toBe('disconnected');
      });
    }
  });

  test('closeSession without an integer closeAfter is refused and the session stays', rules('webida.close-after-required'), async ({ webida, check, recorder }) => {
    const s = await connectedSession(webida, recorder, 'close-invalid');
    for (const closeAfter of [undefined, 'soon', '1.5']) {
      const res = await webida.close(s.sessionId, closeAfter);
      await check('webida.close-after-required', () => {
        const query = closeAfter === undefined ? 'without closeAfter' : `with closeAfter=${closeAfter}`;
        expect(res.status, `DELETE /sessions/${s.sessionId} ${query}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `DELETE /sessions/${s.sessionId} ${query}`).toBeLessThan(500);
      });
    }
    const after = await webida.get(s.sessionId);
    await check('webida.close-after-required', () => {
      expect(after.status, 'the session is still there after the refused closes').toBe(200);
      expect((after.json as Session | undefined)?.state, 'and still NORMAL').toBe('NORMAL');
      expect(socketState(s, s.connectedAt), 'its socket').toBe('connected');
    });
  });
});
