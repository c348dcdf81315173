import type { RunSettings } from '../config/run';
import type { HttpRequest, HttpResponse, RetriedAnswer } from './transport';

/**
 * Manners under load: how hard one worker process may press one target (an origin), and when a request that
 * the target asked us to repeat later is repeated. All waits are bounded; every one of them happens inside a
 * request, so it counts against the test's timeout.
 */
export interface MannersPolicy {
  /** Requests in flight to one origin at once (≥ 1). */
  readonly maxConcurrency: number;
  /** Requests per sliding second to one origin, as the target sees them arrive; 0: unlimited. */
  readonly maxRps: number;
  /** Repeats of one request the target answered 429 (or 503 with Retry-After); 0: never repeat. */
  readonly maxRetries: number;
  /** The longest wait a Retry-After may ask of us; an answer asking for more is reported as it is. */
  readonly maxRetryAfterMs: number;
  /** Bound on waiting for a free slot (concurrency, rate or a pause), beyond the wait a Retry-After asked for. */
  readonly maxQueueMs: number;
}

/** Time, so the unit tests can run the limiter on a fake clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `wake` aborts. */
  sleep(ms: number, wake?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, wake) =>
    new Promise<void>((done) => {
      if (wake?.aborted) return done();
      const timer = setTimeout(finish, Math.max(0, ms));
      function finish(): void {
        clearTimeout(timer);
        wake?.removeEventListener('abort', finish);
        done();
      }
      wake?.addEventListener('abort', finish, { once: true });
    }),
};

/**
 * The caps are per target for the whole run, and every Playwright worker process has its own transport: each
 * worker gets an equal share, rounded down (at least 1), so the sum over workers stays within the cap whenever
 * the cap is at least the number of workers. 0 (unlimited) stays 0.
 */
export function perWorker(cap: number, workers: number): number {
  if (cap <= 0) return 0;
  return Math.max(1, Math.floor(cap / Math.max(1, workers)));
}

// ---------------------------------------------------------------------------------------------------------
// When to repeat a request

/** Idempotent methods of RFC 9110 §9.2.2: repeating one has the effect of sending it once. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/**
 * The wait a Retry-After header asks for (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date. A date is read
 * against the answer's own `Date` header when it has one, so clock skew between us and the target does not
 * matter. Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.min(Number(value), 1e9) * 1000;
  // An HTTP-date starts with a day name (IMF-fixdate, RFC 850, asctime); Date.parse alone would take "1.5" as a year.
  if (!/^[A-Za-z]{3,9},? /.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const sent = Date.parse(headers.date ?? '');
  return Math.max(0, at - (Number.isNaN(sent) ? now : sent));
}

/** Did the target ask us to slow down: 429, or 503 with a Retry-After (a bare 503 is an error, reported as it is). */
export function asksToWait(status: number, headers: Record<string, string>): boolean {
  return status === 429 || (status === 503 && headers['retry-after'] !== undefined);
}

export type RetryDecision =
  | { readonly retry: true; readonly waitMs: number }
  /** `why` is set when the answer asked us to wait and we did not: the check is then flaky. */
  | { readonly retry: false; readonly why?: string };

/** First wait after a 429 without Retry-After; doubled on each repeat, within the Retry-After cap. */
const BACKOFF_MS = 1_000;

/**
 * Decides whether an answer is repeated. `retriesDone` counts the repeats already made of this request;
 * `idempotent` overrides the method's class (e.g. an API whose GET creates something).
 */
export function retryDecision(
  req: { readonly method: string; readonly idempotent?: boolean },
  res: { readonly status: number; readonly headers: Record<string, string> },
  retriesDone: number,
  policy: Pick<MannersPolicy, 'maxRetries' | 'maxRetryAfterMs'>,
  now: number,
): RetryDecision {
  if (!asksToWait(res.status, res.headers)) return { retry: false };
  const asked = retryAfterMs(res.headers, now);
  const asking = `${res.status}${res.headers['retry-after'] !== undefined ? ` with Retry-After: ${res.headers['retry-after']}` : ''}`;
  if (!(req.idempotent ?? isIdempotent(req.method))) {
    return { retry: false, why: `answered ${asking}; not repeated: ${req.method} is not idempotent (RFC 9110 §9.2.2)` };
  }
  if (retriesDone >= policy.maxRetries) {
    return { retry: false, why: `answered ${asking} after ${retriesDone} repeat(s); CONFORMANCE_MAX_RETRIES=${policy.maxRetries} used up` };
  }
  const waitMs = asked ?? Math.min(BACKOFF_MS * 2 ** retriesDone, policy.maxRetryAfterMs);
  if (waitMs > policy.maxRetryAfterMs) {
    return { retry: false, why: `answered ${asking}; not repeated: a wait beyond CONFORMANCE_MAX_RETRY_AFTER_S=${policy.maxRetryAfterMs / 1000}` };
  }
  return { retry: true, waitMs };
}

/**
 * Why checks made after this answer may depend on the target's load, or undefined when the answer came at
 * once. `what` names the request (method and path, nothing secret).
 */
export function flakyNote(what: string, res: Pick<HttpResponse, 'status' | 'retried' | 'notRetried'>): string | undefined {
  const retried = res.retried ?? [];
  const parts: string[] = [];
  if (retried.length) {
    const waits = retried.map((a) => `${a.status}, waited ${a.waitedMs} ms`).join('; ');
    parts.push(`${what} was repeated ${retried.length}× after the target asked to wait (${waits}), then answered ${res.status}`);
  }
  if (res.notRetried) parts.push(`${what} ${res.notRetried}`);
  return parts.length ? parts.join('; ') : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// How fast

/** No free slot within the bound: the target (or our own caps) kept us waiting too long. */
export class SlotTimeout extends Error {
  constructor(origin: string, waitedMs: number) {
    super(`no free request slot for ${origin} within ${waitedMs} ms (CONFORMANCE_MAX_CONCURRENCY, CONFORMANCE_MAX_RPS, or a Retry-After pause)`);
    this.name = 'SlotTimeout';
  }
}

/**
 * The gate of one target: lets requests go in the order they came (FIFO), within the caps.
 *
 * The rate is counted so that it holds where the target sees it, whatever the latency: a request takes a place
 * in the one-second window from its start until one second after its answer. A new one starts only while
 * fewer than `maxRps` are in flight or answered within the last second, so no second of arrivals at the
 * target holds more than `maxRps` requests, even when an early request was slow to arrive and a later one fast.
 */
export class TargetLimiter {
  private active = 0;
  /** When the latest requests were answered, oldest first; only those of the last second are kept. */
  private readonly recentEnds: number[] = [];
  private pausedUntil = 0;
  private tail: Promise<void> = Promise.resolve();
  private wake: AbortController | undefined;

  constructor(
    readonly origin: string,
    private readonly policy: Pick<MannersPolicy, 'maxConcurrency' | 'maxRps'>,
    private readonly clock: Clock,
    /**
     * A worker that replaces a failed one cannot know what its predecessor sent in its last second: with a
     * rate cap, it takes the window as full at `startedAt` (its process start).
     */
    startedAt?: number,
  ) {
    if (policy.maxRps > 0 && startedAt !== undefined) for (let i = 0; i < policy.maxRps; i++) this.recentEnds.push(startedAt);
  }

  get inFlight(): number {
    return this.active;
  }

  /** Every request to this origin waits until then (a Retry-After of one answer holds the others too). */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
    this.wake?.abort();
  }

  /** Waits for a slot (FIFO), no later than `deadline`; returns the release, to call once the answer is read. */
  async acquire(deadline: number): Promise<() => void> {
    const before = this.tail;
    let passed!: () => void;
    this.tail = new Promise<void>((ok) => (passed = ok));
    const queued = this.clock.now();
    try {
      await before;
      await this.waitForSlot(deadline, queued);
    } finally {
      passed();
    }
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      if (this.policy.maxRps > 0) this.recentEnds.push(this.clock.now());
      this.wake?.abort();
    };
  }

  private async waitForSlot(deadline: number, queued: number): Promise<void> {
    // Bounded twice: by the deadline, and by a count (each round sleeps, or is woken by a release or a pause).
    for (let round = 0; round < 100_000; round++) {
      const now = this.clock.now();
      const wait = this.waitMs(now);
      if (wait === 0) return;
      if (now >= deadline) throw new SlotTimeout(this.origin, now - queued);
      this.wake = new AbortController();
      await this.clock.sleep(Math.min(wait, deadline - now), this.wake.signal);
      this.wake = undefined;
    }
    throw new SlotTimeout(this.origin, this.clock.now() - queued);
  }

  /** How long until a request may start: 0 now, Infinity until a release. */
  private waitMs(now: number): number {
    const pause = Math.max(0, this.pausedUntil - now);
    const concurrency = this.active >= this.policy.maxConcurrency ? Infinity : 0;
    let rate = 0;
    if (this.policy.maxRps > 0) {
      while (this.recentEnds.length && this.recentEnds[0]! <= now - 1_000) this.recentEnds.shift();
      if (this.active + this.recentEnds.length >= this.policy.maxRps) rate = this.recentEnds.length ? this.recentEnds[0]! + 1_000 - now : Infinity;
    }
    return Math.max(pause, concurrency, rate);
  }
}

/**
 * Sends requests with manners: through the target's gate (concurrency, rate, pauses), and repeats an answer
 * that asked us to wait, when it may be repeated, after the wait it asked for. One per process, shared by
 * every transport in it, so the caps hold per target whatever the number of clients.
 */
export class Manners {
  private readonly gates = new Map<string, TargetLimiter>();

  constructor(readonly policy: MannersPolicy, private readonly clock: Clock = realClock, private readonly startedAt?: number) {}

  gate(origin: string): TargetLimiter {
    let gate = this.gates.get(origin);
    if (!gate) {
      gate = new TargetLimiter(origin, this.policy, this.clock, this.startedAt);
      this.gates.set(origin, gate);
    }
    return gate;
  }

  async send(req: HttpRequest, sendOnce: (req: HttpRequest) => Promise<HttpResponse>): Promise<HttpResponse> {
    const gate = this.gate(new URL(req.url).origin);
    const retried: RetriedAnswer[] = [];
    let waitMs = 0;
    let answeredAt = 0;
    for (let attempt = 0; attempt <= this.policy.maxRetries; attempt++) {
      const release = await gate.acquire(this.clock.now() + waitMs + this.policy.maxQueueMs);
      const started = this.clock.now();
      const previous = retried.at(-1);
      // What we really waited: the Retry-After, and any queue behind it.
      if (previous) retried[retried.length - 1] = { ...previous, waitedMs: started - answeredAt };
      let res: HttpResponse;
      try {
        res = await sendOnce(req);
      } finally {
        release();
      }
      answeredAt = this.clock.now();
      const decision = retryDecision(req, res, attempt, this.policy, answeredAt);
      if (!decision.retry) return { ...res, ...(retried.length ? { retried } : {}), ...(decision.why ? { notRetried: decision.why } : {}) };
      waitMs = decision.waitMs;
      gate.pauseUntil(answeredAt + waitMs);
      retried.push({ status: res.status, headers: res.headers, body: res.body, durationMs: answeredAt - started, waitedMs: waitMs });
    }
    // retryDecision refuses a repeat once maxRetries are used up, so the loop always returns.
    throw new Error('unreachable: more attempts than CONFORMANCE_MAX_RETRIES allows');
  }
}

/** The share of one worker process, from the run's settings (caps are per target for the whole run). */
export function workerPolicy(run: RunSettings): MannersPolicy {
  return {
    maxConcurrency: perWorker(run.maxConcurrency, run.workers),
    maxRps: perWorker(run.maxRps, run.workers),
    maxRetries: run.maxRetries,
    maxRetryAfterMs: run.maxRetryAfterS * 1000,
    maxQueueMs: run.requestTimeoutMs + run.maxRetryAfterS * 1000,
  };
}
