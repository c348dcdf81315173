import { eventually, sleep } from '../../harness/time/clock';
import { expect, rules, test } from './fixtures';
import type { SessionView } from './g4-api';
import { expectNoSession, openedSession } from './steps';
import { TTL_UNSET, assertConclusive, ttlPlan } from './ttl';

// The three timing tests run in parallel (fullyParallel): each takes one to two TTLs of wall time.
test.describe('G4 sessions: sliding TTL', () => {
  test('a session nobody reads is gone once its TTL has passed', rules('g4.ttl-expires'), async ({ g4, check, settings, recorder }) => {
    if (settings.sessionTtlMs === undefined) return recorder.skip('g4.ttl-expires', TTL_UNSET);
    const plan = ttlPlan(settings.sessionTtlMs);
    test.setTimeout(plan.testTimeoutMs);
    const s = await openedSession(g4, recorder, 'ttl-idle');
    const first = await g4.getStatic(s.id);
    const firstAt = Date.now();
    assertConclusive(s.sentAt, firstAt, plan.ttlMs, 'static read right after the create');
    await check('g4.ttl-expires', () => {
      expect(first.status, 'the session is there before its TTL').toBe(200);
    });
    // Counted from the later of the create and that read, so it holds even for a target whose static reads refresh.
    const deadline = firstAt + plan.ttlMs + plan.marginMs;
    await sleep(deadline - Date.now());
    const reads = [await g4.getStatic(s.id), await g4.get(s.id)];
    await check('g4.ttl-expires', () => {
      for (const res of reads) {
        expectNoSession(res, `${Date.now() - s.receivedAt} ms after the create, unread in between (TTL ${plan.ttlMs} ms + margin ${plan.marginMs} ms)`);
      }
    });
  });

  test('a session read only through /static-session expires on time', rules('g4.ttl-static-read-no-refresh'), async ({ g4, check, settings, recorder }) => {
    if (settings.sessionTtlMs === undefined) return recorder.skip('g4.ttl-static-read-no-refresh', TTL_UNSET);
    const plan = ttlPlan(settings.sessionTtlMs);
    test.setTimeout(plan.testTimeoutMs);
    const s = await openedSession(g4, recorder, 'ttl-static');
    const deadline = s.receivedAt + plan.ttlMs + plan.marginMs;
    const first = await g4.getStatic(s.id);
    const firstAt = Date.now();
    assertConclusive(s.sentAt, firstAt, plan.ttlMs, 'static read right after the create');
    await check('g4.ttl-static-read-no-refresh', () => {
      expect(first.status, 'the session is there before its TTL').toBe(200);
    });
    const polled = await eventually(() => g4.getStatic(s.id), (res) => res.status !== 200, {
      timeoutMs: Math.max(0, deadline - Date.now()),
      intervalMs: plan.staticIntervalMs,
    });
    let last = polled.value;
    if (!polled.ok) {
      // The verdict needs one read sent after the deadline.
      await sleep(deadline - Date.now());
      last = await g4.getStatic(s.id);
    }
    await check('g4.ttl-static-read-no-refresh', () => {
      expectNoSession(last, `${Date.now() - s.receivedAt} ms after the create, read only there every ${plan.staticIntervalMs} ms (TTL ${plan.ttlMs} ms + margin ${plan.marginMs} ms)`);
    });
  });

  test('reads through /session within each TTL window keep the session alive', rules('g4.ttl-sliding'), async ({ g4, check, settings, recorder }) => {
    if (settings.sessionTtlMs === undefined) return recorder.skip('g4.ttl-sliding', TTL_UNSET);
    const plan = ttlPlan(settings.sessionTtlMs);
    test.setTimeout(plan.testTimeoutMs);
    const s = await openedSession(g4, recorder, 'ttl-slide');
    const end = s.receivedAt + plan.slideSpanMs;
    const maxReads = Math.ceil(plan.slideSpanMs / plan.slideIntervalMs) + 2;
    // Each window starts when the server handled the previous read: no earlier than we sent it.
    let windowStart = s.sentAt;
    let reads = 0;
    while (reads < maxReads && Date.now() < end) {
      await sleep(windowStart + plan.slideIntervalMs - Date.now());
      const sentAt = Date.now();
      const res = await g4.get(s.id);
      const receivedAt = Date.now();
      reads += 1;
      const what = `GET /session ${sentAt - s.receivedAt} ms after the create, ${sentAt - windowStart} ms after the previous read (TTL ${plan.ttlMs} ms)`;
      // A miss proves something only if the read came within the TTL of the window's start.
      if (res.status !== 200) assertConclusive(windowStart, receivedAt, plan.ttlMs, what);
      await check('g4.ttl-sliding', () => {
        expect(res.status, what).toBe(200);
        expect((res.json as SessionView | undefined)?.data, 'data').toEqual(s.data);
      });
      windowStart = sentAt;
    }
    await check('g4.ttl-sliding', () => {
      expect(windowStart - s.receivedAt, 'the reads went on for longer than the TTL').toBeGreaterThan(plan.ttlMs);
    });
  });
});
