import { expect, test } from '@playwright/test';
import { TargetClock } from '../../harness/time/clock';
import { Timeline } from '../../suites/coviu/timeline';

const timing = { leadMs: 3_000, durationMs: 5_000, toleranceMs: 1_000 };

test.describe('Coviu sessions on the real clock', () => {
  test('a Date header that arrives between a wait and its check does not move the phase the check reads', () => {
    // The target's clock is ours (offset 0). Each Date header truncates to the second, so two honest samples
    // can estimate the offset 800 ms apart: the first says +300 ms, the second, with a shorter round trip, -498 ms.
    const base = Math.floor(Date.now() / 1_000) * 1_000;
    const clock = new TargetClock();
    clock.observe(new Date(base).toUTCString(), base, base + 400);
    const timeline = new Timeline(clock, timing);
    const schedule = timeline.next();
    expect(schedule.offsetMs).toBe(300);

    // waitFor(schedule, 'started') wakes when the target is surely started by the schedule's estimate.
    const wokeAt = schedule.startMs + schedule.toleranceMs + 5 - schedule.offsetMs;
    clock.observe(new Date(base + 5_000).toUTCString(), base + 5_997, base + 5_999);
    expect(clock.offsetMs).toBe(-498);

    const exchange = { sentAtMs: wokeAt, receivedAtMs: wokeAt + 8 };
    expect(timeline.during(schedule, exchange)).toBe('started');
    expect(() => timeline.expectWithin(schedule, 'started', exchange, 'DELETE /sessions/{id}')).not.toThrow();
  });

  test('an exchange that does cross the start is not read as either phase', () => {
    const clock = new TargetClock();
    const now = Date.now();
    clock.observe(new Date(now).toUTCString(), now - 5, now + 5);
    const timeline = new Timeline(clock, timing);
    const schedule = timeline.next();
    const atStart = schedule.startMs - schedule.offsetMs;
    const exchange = { sentAtMs: atStart - 10, receivedAtMs: atStart + 10 };
    expect(timeline.during(schedule, exchange)).toBeUndefined();
    expect(() => timeline.expectWithin(schedule, 'started', exchange, 'DELETE /sessions/{id}')).toThrow(/crossed a start or an end/);
  });
});
