/**
 * Time against a live target: only the wall clock exists, the target's clock may be skewed, and every
 * request takes a while. Timing rules wait with these helpers, never with open-ended loops.
 */

export function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, Math.max(0, ms)));
}

/**
 * Estimates the target's clock from `Date` headers: offset = target time − our time at the middle of the
 * exchange. `Date` has one-second resolution, so the estimate carries ±(1 s + half the round trip).
 */
export class TargetClock {
  private samples: { offsetMs: number; uncertaintyMs: number }[] = [];

  observe(dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number): void {
    if (!dateHeader) return;
    const target = Date.parse(dateHeader);
    if (Number.isNaN(target)) return;
    const mid = (sentAtMs + receivedAtMs) / 2;
    // The header truncates to the second: the true time lies in [target, target + 1000).
    this.samples.push({ offsetMs: target + 500 - mid, uncertaintyMs: 500 + (receivedAtMs - sentAtMs) / 2 });
  }

  /** The best offset seen (the sample with the smallest uncertainty), or 0 when no Date header came. */
  get offsetMs(): number {
    const best = [...this.samples].sort((a, b) => a.uncertaintyMs - b.uncertaintyMs)[0];
    return best ? best.offsetMs : 0;
  }

  get uncertaintyMs(): number {
    const best = [...this.samples].sort((a, b) => a.uncertaintyMs - b.uncertaintyMs)[0];
    return best ? best.uncertaintyMs : 1_000;
  }

  /** The target's "now", in ms since the epoch. */
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export interface EventuallyOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Pause between attempts. */
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value that `done` accepts, or the time is up; returns the last value
 * and how long it took. Bounded in time and in attempts.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, intervalMs = 250 }: EventuallyOptions,
): Promise<{ value: T; ok: boolean; elapsedMs: number }> {
  const start = Date.now();
  const maxAttempts = Math.ceil(timeoutMs / Math.max(intervalMs, 1)) + 1;
  let value = await probe();
  for (let i = 1; i < maxAttempts && !done(value) && Date.now() - start < timeoutMs; i++) {
    await sleep(intervalMs);
    value = await probe();
  }
  return { value, ok: done(value), elapsedMs: Date.now() - start };
}
