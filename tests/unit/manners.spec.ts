import { expect, test } from '@playwright/test';
import {
  Manners, SlotTimeout, TargetLimiter, flakyNote, isIdempotent, perWorker, realClock, retryAfterMs, retryDecision,
  type Clock, type MannersPolicy,
} from '../../harness/http/manners';
import type { HttpRequest, HttpResponse } from '../../harness/http/transport';
import { RuleRecorder } from '../../harness/rules/recorder';
import { RuleCatalogue } from '../../harness/rules/catalogue';
import { ruleResult, summaryLine, verdict } from '../../harness/rules/verdict';
import type { Baseline } from '../../harness/rules/baseline';

/** A clock that moves only when told to: timers fire in order, with the promises they release settled in between. */
class FakeClock implements Clock {
  private t = 0;
  private timers: { at: number; done: () => void }[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number, wake?: AbortSignal): Promise<void> {
    return new Promise((done) => {
      if (wake?.aborted) return done();
      const timer = { at: this.t + Math.max(0, ms), done };
      this.timers.push(timer);
      wake?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        done();
      }, { once: true });
    });
  }

  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (let i = 0; i < 10_000; i++) {
      await settle();
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.done();
    }
    this.t = end;
    await settle();
  }
}

const settle = () => new Promise<void>((ok) => setImmediate(ok));

const policy = (p: Partial<MannersPolicy> = {}): MannersPolicy => ({
  maxConcurrency: 8, maxRps: 0, maxRetries: 2, maxRetryAfterMs: 30_000, maxQueueMs: 60_000, ...p,
});

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: Buffer.from(`{"status":${status}}`) });
const request = (method: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({ method, url: 'http://127.0.0.1:1/x', headers: {}, timeoutMs: 1_000, ...extra });

test.describe('caps are shared out among workers', () => {
  test('each worker gets an equal share rounded down, at least 1; 0 stays unlimited', () => {
    expect(perWorker(8, 4)).toBe(2);
    expect(perWorker(10, 4)).toBe(2);
    expect(perWorker(3, 4)).toBe(1);
    expect(perWorker(8, 1)).toBe(8);
    expect(perWorker(0, 4)).toBe(0);
  });
});

test.describe('which requests may be repeated', () => {
  test('the idempotent methods of RFC 9110 §9.2.2, and never POST or PATCH', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get', 'delete']) expect(isIdempotent(m), m).toBe(true);
    for (const m of ['POST', 'PATCH', 'post', 'CONNECT']) expect(isIdempotent(m), m).toBe(false);
  });

  test('Retry-After as seconds, or as an HTTP date read against the answer\'s own Date', () => {
    expect(retryAfterMs({ 'retry-after': '2' }, 0)).toBe(2_000);
    expect(retryAfterMs({ 'retry-after': ' 0 ' }, 0)).toBe(0);
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    const later = 'Wed, 21 Oct 2015 07:28:03 GMT';
    // The target's clock is an hour off ours: the wait is still the 3 s it meant.
    expect(retryAfterMs({ 'retry-after': later, date }, Date.parse(date) + 3_600_000)).toBe(3_000);
    expect(retryAfterMs({ 'retry-after': later }, Date.parse(date) + 1_000)).toBe(2_000);
    expect(retryAfterMs({ 'retry-after': date }, Date.parse(later)), 'a date in the past: no wait').toBe(0);
    for (const bad of ['soon', '1.5', '-3', '', '2015-10-21', 'Someday, maybe']) expect(retryAfterMs({ 'retry-after': bad }, 0), bad).toBeUndefined();
    expect(retryAfterMs({}, 0)).toBeUndefined();
  });

  const p = policy({ maxRetries: 2, maxRetryAfterMs: 10_000 });

  test('429 and 503 with Retry-After are repeated after the wait they ask for, when the method allows', () => {
    expect(retryDecision(request('GET'), answer(503, { 'retry-after': '3' }), 0, p, 0)).toEqual({ retry: true, waitMs: 3_000 });
    expect(retryDecision(request('DELETE'), answer(429, { 'retry-after': '1' }), 1, p, 0)).toEqual({ retry: true, waitMs: 1_000 });
    expect(retryDecision(request('PUT'), answer(429, { 'retry-after': '0' }), 0, p, 0)).toEqual({ retry: true, waitMs: 0 });
  });

  test('a 429 without Retry-After backs off, doubling, within the cap', () => {
    expect(retryDecision(request('GET'), answer(429), 0, p, 0)).toEqual({ retry: true, waitMs: 1_000 });
    expect(retryDecision(request('GET'), answer(429), 1, p, 0)).toEqual({ retry: true, waitMs: 2_000 });
    expect(retryDecision(request('GET'), answer(429), 1, { ...p, maxRetryAfterMs: 1_500 }, 0)).toEqual({ retry: true, waitMs: 1_500 });
  });

  test('a bare 503 and any other answer are reported as they are, with nothing to note', () => {
    for (const status of [200, 404, 500, 502, 503]) expect(retryDecision(request('GET'), answer(status), 0, p, 0), `${status}`).toEqual({ retry: false });
  });

  test('POST and PATCH are never repeated, and the answer says why', () => {
    for (const method of ['POST', 'PATCH']) {
      const d = retryDecision(request(method), answer(429, { 'retry-after': '1' }), 0, p, 0);
      expect(d.retry).toBe(false);
      expect(!d.retry && d.why).toContain(`${method} is not idempotent`);
    }
  });

  test('a GET marked not idempotent (an API whose GET creates) is not repeated', () => {
    const d = retryDecision(request('GET', { idempotent: false }), answer(503, { 'retry-after': '1' }), 0, p, 0);
    expect(d).toMatchObject({ retry: false, why: expect.stringContaining('not idempotent') });
  });

  test('repeats stop at CONFORMANCE_MAX_RETRIES, and a wait beyond the cap is not made', () => {
    expect(retryDecision(request('GET'), answer(429, { 'retry-after': '1' }), 2, p, 0)).toMatchObject({ retry: false, why: expect.stringContaining('CONFORMANCE_MAX_RETRIES=2') });
    expect(retryDecision(request('GET'), answer(503, { 'retry-after': '11' }), 0, p, 0)).toMatchObject({ retry: false, why: expect.stringContaining('CONFORMANCE_MAX_RETRY_AFTER_S=10') });
    expect(retryDecision(request('GET'), answer(429, { 'retry-after': '1' }), 0, { ...p, maxRetries: 0 }, 0).retry).toBe(false);
  });
});

test.describe('the gate of one target', () => {
  test('no more requests in flight than the cap; the next goes as soon as one is released', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('t', { maxConcurrency: 2, maxRps: 0 }, clock);
    const first = await gate.acquire(10_000);
    await gate.acquire(10_000);
    let third = false;
    const pending = gate.acquire(10_000).then((release) => ((third = true), release));
    await clock.advance(500);
    expect(third, 'the third waits while two are in flight').toBe(false);
    expect(gate.inFlight).toBe(2);
    first();
    first(); // a second release of the same slot changes nothing
    await clock.advance(0);
    expect(third).toBe(true);
    expect(gate.inFlight).toBe(2);
    (await pending)();
    expect(gate.inFlight).toBe(1);
  });

  test('no more than maxRps starts in any one-second window', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('t', { maxConcurrency: 100, maxRps: 3 }, clock);
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 10 }, () => gate.acquire(60_000).then((release) => (starts.push(clock.now()), release()))));
    await clock.advance(5_000);
    await all;
    expect(starts).toHaveLength(10);
    for (const s of starts) expect(starts.filter((x) => x >= s && x < s + 1_000).length, `window from ${s}`).toBeLessThanOrEqual(3);
    expect(starts.at(-1), 'and no slower than that: 10 starts at 3/s take 3 s').toBe(3_000);
  });

  test('a slow request keeps its place in the window until a second after its answer, so the cap holds on arrival too', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('t', { maxConcurrency: 10, maxRps: 2 }, clock);
    const slow = await gate.acquire(60_000);
    (await gate.acquire(60_000))();
    const starts: number[] = [];
    const next = Promise.all([0, 1].map(() => gate.acquire(60_000).then((release) => (starts.push(clock.now()), release()))));
    await clock.advance(500);
    slow(); // answered at 500: it may have reached the target as late as that
    await clock.advance(2_000);
    await next;
    expect(starts, 'one place frees at 1000 (the quick one), the other at 1500 (the slow one)').toEqual([1_000, 1_500]);
  });

  test('a pause (a Retry-After) holds every request to the target until it ends', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('t', { maxConcurrency: 8, maxRps: 0 }, clock);
    gate.pauseUntil(1_500);
    let startedAt = -1;
    const pending = gate.acquire(60_000).then((release) => ((startedAt = clock.now()), release()));
    await clock.advance(1_499);
    expect(startedAt).toBe(-1);
    await clock.advance(1);
    await pending;
    expect(startedAt).toBe(1_500);
  });

  test('waiting for a slot is bounded: past the deadline it fails with a message naming the settings', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('http://t', { maxConcurrency: 1, maxRps: 0 }, clock);
    await gate.acquire(1_000);
    const pending = gate.acquire(250).catch((e: unknown) => e);
    await clock.advance(250);
    const err = await pending;
    expect(err).toBeInstanceOf(SlotTimeout);
    expect((err as Error).message).toContain('CONFORMANCE_MAX_CONCURRENCY');
    expect(gate.inFlight, 'the failed wait took no slot').toBe(1);
  });

  test('with a rate cap, a new worker assumes its predecessor used the last second in full', async () => {
    const clock = new FakeClock();
    const gate = new TargetLimiter('t', { maxConcurrency: 8, maxRps: 2 }, clock, 0);
    let startedAt = -1;
    const pending = gate.acquire(60_000).then((release) => ((startedAt = clock.now()), release()));
    await clock.advance(999);
    expect(startedAt).toBe(-1);
    await clock.advance(1);
    await pending;
    expect(startedAt).toBe(1_000);
  });

  test('the real clock\'s sleep ends early when woken', async () => {
    const wake = new AbortController();
    const started = Date.now();
    setTimeout(() => wake.abort(), 20);
    await realClock.sleep(5_000, wake.signal);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

test.describe('sending with manners', () => {
  /** A target that answers from a script, one answer per request, and notes when each came. */
  const scripted = (clock: FakeClock, answers: HttpResponse[]) => {
    const seen: number[] = [];
    return {
      seen,
      send: async (): Promise<HttpResponse> => {
        seen.push(clock.now());
        return answers[Math.min(seen.length - 1, answers.length - 1)]!;
      },
    };
  };

  test('a GET answered 503 with Retry-After is repeated after the wait, and the repeat is told', async () => {
    const clock = new FakeClock();
    const target = scripted(clock, [answer(503, { 'retry-after': '2' }), answer(200)]);
    const pending = new Manners(policy(), clock).send(request('GET'), target.send);
    await clock.advance(10_000);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(target.seen).toEqual([0, 2_000]);
    expect(res.retried).toEqual([expect.objectContaining({ status: 503, waitedMs: 2_000 })]);
    expect(res.notRetried).toBeUndefined();
    expect(flakyNote('GET /x', res)).toBe('GET /x was repeated 1× after the target asked to wait (503, waited 2000 ms), then answered 200');
  });

  test('a POST answered 429 is sent once, and the answer says it was not repeated', async () => {
    const clock = new FakeClock();
    const target = scripted(clock, [answer(429, { 'retry-after': '1' }), answer(201)]);
    const pending = new Manners(policy(), clock).send(request('POST'), target.send);
    await clock.advance(10_000);
    const res = await pending;
    expect(res.status).toBe(429);
    expect(target.seen).toHaveLength(1);
    expect(res.retried).toBeUndefined();
    expect(flakyNote('POST /x', res)).toContain('POST /x answered 429 with Retry-After: 1; not repeated: POST is not idempotent');
  });

  test('repeats are bounded: after CONFORMANCE_MAX_RETRIES the last answer is returned as it is', async () => {
    const clock = new FakeClock();
    const target = scripted(clock, [answer(429, { 'retry-after': '1' })]);
    const pending = new Manners(policy({ maxRetries: 2 }), clock).send(request('DELETE'), target.send);
    await clock.advance(10_000);
    const res = await pending;
    expect(target.seen).toEqual([0, 1_000, 2_000]);
    expect(res.status).toBe(429);
    expect(res.retried).toHaveLength(2);
    expect(res.notRetried).toContain('CONFORMANCE_MAX_RETRIES=2 used up');
  });

  test('a Retry-After beyond the cap is not waited for', async () => {
    const clock = new FakeClock();
    const target = scripted(clock, [answer(503, { 'retry-after': '3600' }), answer(200)]);
    const pending = new Manners(policy({ maxRetryAfterMs: 30_000 }), clock).send(request('GET'), target.send);
    await clock.advance(0);
    const res = await pending;
    expect(target.seen).toEqual([0]);
    expect(res.status).toBe(503);
    expect(res.notRetried).toContain('CONFORMANCE_MAX_RETRY_AFTER_S=30');
  });

  test('an answer that came at once has nothing to note', () => {
    expect(flakyNote('GET /x', answer(200))).toBeUndefined();
  });

  test('a Retry-After also holds the other requests to that target', async () => {
    const clock = new FakeClock();
    const manners = new Manners(policy(), clock);
    const throttled = scripted(clock, [answer(429, { 'retry-after': '1' }), answer(200)]);
    const other = scripted(clock, [answer(200)]);
    const first = manners.send(request('GET'), throttled.send);
    await clock.advance(0);
    const second = manners.send(request('GET', { url: 'http://127.0.0.1:1/y' }), other.send);
    const elsewhere = scripted(clock, [answer(200)]);
    const third = manners.send(request('GET', { url: 'http://127.0.0.1:2/y' }), elsewhere.send);
    await clock.advance(5_000);
    await Promise.all([first, second, third]);
    expect(other.seen[0], 'same target: after the pause').toBeGreaterThanOrEqual(1_000);
    expect(elsewhere.seen[0], 'another target: at once').toBe(0);
  });
});

test.describe('a check that needed a repeat is reported as flaky', () => {
  const catalogue = new RuleCatalogue('demo', [
    { id: 'demo.a', level: 'MUST', title: 'a', source: 's', reference: 'r', basis: 'stated' },
    { id: 'demo.b', level: 'MUST', title: 'b', source: 's', reference: 'r', basis: 'stated' },
  ]);
  const none: Baseline = { name: '', target: '', entries: new Map() };

  test('checks after the throttled request carry the note; earlier ones do not; the status is unchanged', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    await recorder.check('demo.a', () => undefined);
    expect(recorder.anyNotPassed).toBe(false);
    recorder.noteThrottled('GET /x was repeated 1× after the target asked to wait');
    await recorder.check('demo.b', () => undefined);
    recorder.noteThrottled('GET /y was repeated 1× after the target asked to wait');
    await recorder.check('demo.b', () => undefined);
    expect(recorder.outcomes.map((o) => [o.rule, o.status, o.flaky]), 'each check carries the latest wait before it').toEqual([
      ['demo.a', 'pass', undefined],
      ['demo.b', 'pass', 'GET /x was repeated 1× after the target asked to wait'],
      ['demo.b', 'pass', 'GET /y was repeated 1× after the target asked to wait'],
    ]);
    expect(recorder.anyNotPassed, 'its transcript is kept as evidence').toBe(true);

    const tests = [{ title: 'T', checked: true, completed: true }];
    const a = ruleResult(catalogue.get('demo.a'), { outcomes: recorder.outcomes.filter((o) => o.rule === 'demo.a'), tests }, none);
    const b = ruleResult(catalogue.get('demo.b'), { outcomes: recorder.outcomes.filter((o) => o.rule === 'demo.b'), tests }, none);
    expect(a.flaky).toBeUndefined();
    expect(b).toMatchObject({ status: 'pass', flaky: { checks: 2, reason: expect.stringContaining('GET /x') } });
    const v = verdict([a, b]);
    expect(v.ok, 'flaky alone does not fail the run').toBe(true);
    expect(v.flaky).toEqual(['demo.b']);
    expect(summaryLine('demo', v)).toBe('demo: 2 pass, 0 fail, 0 warn, 0 known deviation, 0 skip, 0 error, 1 flaky');
  });

  test('a failed check after a request that could not be repeated is still a failure, and flaky', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    recorder.noteThrottled('POST /x answered 429; not repeated: POST is not idempotent');
    expect(await recorder.check('demo.a', () => expect(429).toBe(201)), 'a failed check is recorded, and the test goes on').toBe(false);
    const r = ruleResult(catalogue.get('demo.a'), { outcomes: recorder.outcomes, tests: [{ title: 'T', checked: true, completed: true }] }, none);
    expect(r).toMatchObject({ status: 'fail', flaky: { checks: 1 } });
    expect(verdict([r]).ok).toBe(false);
  });
});
