import { expect, test } from '@playwright/test';
import { TargetClock, eventually } from '../../harness/time/clock';

test.describe('time against a live target', () => {
  test('the target clock offset is estimated from Date headers within their uncertainty', () => {
    const clock = new TargetClock();
    const now = Date.now();
    const skew = 90_000;
    clock.observe(new Date(now + skew).toUTCString(), now - 20, now + 20);
    expect(Math.abs(clock.offsetMs - skew)).toBeLessThanOrEqual(clock.uncertaintyMs + 1);
  });

  test('no Date header means no offset', () => {
    const clock = new TargetClock();
    clock.observe(undefined, 0, 1);
    expect(clock.offsetMs).toBe(0);
  });

  test('eventually stops when done, and gives up when the time is up', async () => {
    let n = 0;
    const done = await eventually(async () => ++n, (v) => v >= 3, { timeoutMs: 2_000, intervalMs: 10 });
    expect(done).toMatchObject({ ok: true, value: 3 });
    const never = await eventually(async () => 0, (v) => v > 0, { timeoutMs: 100, intervalMs: 20 });
    expect(never.ok).toBe(false);
    expect(never.elapsedMs).toBeLessThan(1_000);
  });
});
