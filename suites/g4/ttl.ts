import { HarnessError } from '../../harness/rules/recorder';

/**
 * The windows of the TTL checks, from the target's TTL. Only durations on our own clock are compared, so
 * the target's clock skew does not matter; latency is covered by measuring from the request's send or
 * receive time (whichever bounds the server's moment the safe way) and by a margin for lazy expiry.
 */
export interface TtlPlan {
  readonly ttlMs: number;
  /** How long after its TTL a session may still be readable (an expiry sweep, a coarse timer). */
  readonly marginMs: number;
  /** Static reads poll this often: four reads per TTL, each of which would refresh it if static reads did. */
  readonly staticIntervalMs: number;
  /** Reads through /session come every half TTL: a target whose window is under half the TTL fails too. */
  readonly slideIntervalMs: number;
  /** The sliding session must outlive its TTL twice over. */
  readonly slideSpanMs: number;
  readonly testTimeoutMs: number;
}

export function ttlPlan(ttlMs: number): TtlPlan {
  const marginMs = Math.max(2_000, ttlMs / 4);
  return {
    ttlMs,
    marginMs,
    staticIntervalMs: ttlMs / 4,
    slideIntervalMs: ttlMs / 2,
    slideSpanMs: 2 * ttlMs,
    testTimeoutMs: 3 * ttlMs + marginMs + 30_000,
  };
}

export const TTL_UNSET = 'G4_SESSION_TTL_S is not set: the target\'s session TTL is unknown, so its timing is not checked';

/**
 * A session must be alive when this read reached the server if `receivedAt − windowStart` is under the TTL
 * (the window started no earlier than `windowStart`). If our own run stalled longer than that, a miss
 * proves nothing about the target: that is a harness error, not a failure.
 */
export function assertConclusive(windowStart: number, receivedAt: number, ttlMs: number, what: string): void {
  const span = receivedAt - windowStart;
  if (span >= ttlMs) {
    throw new HarnessError(`${what}: ${span} ms passed between the start of the TTL window and the answer, not less than the TTL (${ttlMs} ms); the machine or the network is too slow to judge this (against the bundled mock, a longer G4_SESSION_TTL_S gives more room)`);
  }
}
