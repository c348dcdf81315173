import { HarnessError } from '../../harness/rules/recorder';
import { sleep, type TargetClock } from '../../harness/time/clock';
import type { CoviuTiming } from './provider';

/** Where a session stands on the target's clock. */
export type Phase = 'scheduled' | 'started' | 'finished';

/** Start and end of a session, in ms since the epoch on the target's clock, and the clock estimate it is judged by. */
export interface Schedule {
  readonly startMs: number;
  readonly endMs: number;
  /**
   * Target clock offset and tolerance, fixed when the schedule is made. A later Date header with a shorter round
   * trip may move the estimate by up to a second; a wait and the check that follows it must use the same one.
   */
  readonly offsetMs: number;
  readonly toleranceMs: number;
}

/** Local send and receive times of one exchange (ms since the epoch on our clock). */
export interface Timed {
  readonly sentAtMs: number;
  readonly receivedAtMs: number;
}

/**
 * Sessions on the real clock. Phases are read on the target's clock (estimated from its Date headers), and
 * within the tolerance of a start or an end the phase is unknown: nothing is concluded there. A request
 * tells a phase only if the whole exchange lies inside it, whatever the latency.
 */
export class Timeline {
  constructor(readonly clock: TargetClock, readonly timing: CoviuTiming) {}

  /** The configured tolerance, or more when the clock estimate is less certain than that. */
  get toleranceMs(): number {
    return Math.max(this.timing.toleranceMs, Math.ceil(this.clock.uncertaintyMs));
  }

  /** A session that starts `leadMs` from the target's now, on a whole second, and lasts `durationMs`. */
  next(): Schedule {
    const offsetMs = this.clock.offsetMs;
    const startMs = Math.ceil((Date.now() + offsetMs + this.timing.leadMs) / 1_000) * 1_000;
    return { startMs, endMs: startMs + this.timing.durationMs, offsetMs, toleranceMs: this.toleranceMs };
  }

  /** The target's now, by the estimate the schedule was made with. */
  targetNow(s: Schedule): number {
    return Date.now() + s.offsetMs;
  }

  /** The phase at target time `t`, or undefined when `t` is too close to the start or the end to tell. */
  phaseAt(s: Schedule, t: number): Phase | undefined {
    const tol = s.toleranceMs;
    if (t < s.startMs - tol) return 'scheduled';
    if (t >= s.startMs + tol && t < s.endMs - tol) return 'started';
    if (t >= s.endMs + tol) return 'finished';
    return undefined;
  }

  now(s: Schedule): Phase | undefined {
    return this.phaseAt(s, this.targetNow(s));
  }

  /** Every phase the target may have been in while it handled an exchange (one, unless a start or an end was near). */
  possible(s: Schedule, ex: Timed): Phase[] {
    const tol = s.toleranceMs;
    const from = ex.sentAtMs + s.offsetMs - tol;
    const to = ex.receivedAtMs + s.offsetMs + tol;
    const phases: Phase[] = [];
    if (from < s.startMs) phases.push('scheduled');
    if (to >= s.startMs && from < s.endMs) phases.push('started');
    if (to >= s.endMs) phases.push('finished');
    return phases;
  }

  /** The phase the target was in while it handled an exchange, or undefined if it may have changed meanwhile. */
  during(s: Schedule, ex: Timed): Phase | undefined {
    const phases = this.possible(s, ex);
    return phases.length === 1 ? phases[0] : undefined;
  }

  /** Target time from which the session is surely in `phase`. */
  private from(s: Schedule, phase: Phase): number {
    const tol = s.toleranceMs;
    return phase === 'scheduled' ? -Infinity : phase === 'started' ? s.startMs + tol : s.endMs + tol;
  }

  /** Sleeps until the session is surely in `phase` (at once when it already is). Bounded by the schedule. */
  async waitFor(s: Schedule, phase: Phase): Promise<void> {
    const ms = this.from(s, phase) - this.targetNow(s);
    const bound = this.timing.leadMs + this.timing.durationMs + 2 * s.toleranceMs + 2_000;
    if (ms > bound) throw new HarnessError(`waiting ${ms} ms for a session to be ${phase} exceeds the schedule (${bound} ms)`);
    if (ms > 0) await sleep(ms + 5);
  }

  /** When the phase is unknown right now, sleeps until it is known again; returns it. */
  async settle(s: Schedule): Promise<Phase> {
    const now = this.now(s);
    if (now !== undefined) return now;
    const t = this.targetNow(s);
    await this.waitFor(s, t < s.startMs + s.toleranceMs ? 'started' : 'finished');
    return this.now(s) ?? 'finished';
  }

  /**
   * Asserts that an exchange happened wholly in `phase`. When it did not, the window was too short for the
   * target's latency: that is a configuration matter (a harness error), never a verdict on the target.
   */
  expectWithin(s: Schedule, phase: Phase, ex: Timed, what: string): void {
    const seen = this.during(s, ex);
    if (seen !== phase) {
      throw new HarnessError(
        `${what} was meant to reach the target while the session is ${phase}, but took ${ex.receivedAtMs - ex.sentAtMs} ms ` +
          `and crossed ${seen === undefined ? 'a start or an end' : `into "${seen}"`}; raise COVIU_SESSION_DURATION_MS or COVIU_START_LEAD_MS`,
      );
    }
  }
}
