import type * as fc from 'fast-check';
import { expect } from '@playwright/test';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import { type CoviuApi, is2xx, is4xx, type TimedResponse } from '../coviu-api';
import type { Phase, Schedule, Timeline } from '../timeline';

/**
 * What the target must agree with: the sessions of one iteration, their schedule on the target's clock, whether
 * they are canceled, and their participants. Deliberately small: names, ids, cancel flags and times.
 */
export interface ModelParticipant {
  readonly id: string;
  name: string;
  canceled: boolean;
}

export interface ModelSession {
  readonly id: string;
  name: string;
  readonly schedule: Schedule;
  canceled: boolean;
  readonly participants: ModelParticipant[];
}

export interface LifecycleModel {
  /** Name prefix of this iteration's sessions: nothing else is looked at. */
  readonly tag: string;
  /** Target time at the start of the iteration: its sessions all start within ten minutes of it. */
  readonly beganMs: number;
  readonly timeline: Timeline;
  readonly sessions: ModelSession[];
  /** Real time the iteration may still spend waiting for starts and ends. */
  waitBudgetMs: number;
  /** Counts names, so every name the iteration sends is new. */
  serial: number;
}

export interface LifecycleReal {
  readonly api: CoviuApi;
  readonly rules: RuleRecorder;
}

export type LifecycleCommand = fc.AsyncCommand<LifecycleModel, LifecycleReal>;

export const LIFECYCLE_RULE = 'coviu.model-lifecycle';

/** At most this many sessions per iteration: each may cost a wait for its start or end. */
export const MAX_SESSIONS = 4;

/** What an operation may answer: done (2xx) or refused (4xx). Never anything else. */
export type Outcome = 'ok' | 'refused';

export function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

export function nextName(m: LifecycleModel, what: string): string {
  m.serial += 1;
  return `${m.tag} ${what}${m.serial}`;
}

/** Participants the target shows: canceled ones only when asked for. */
export function shown(s: ModelSession, includeCanceled: boolean): ModelParticipant[] {
  return s.participants.filter((p) => includeCanceled || !p.canceled);
}

/** The session's phase, waiting out the tolerance around a start or an end first, so a request lands in one phase. */
export async function settledPhase(m: LifecycleModel, s: ModelSession): Promise<Phase> {
  return m.timeline.settle(s.schedule);
}

/**
 * Checks an answer against what the model allows in every phase the exchange may have met (latency can carry
 * it across a start or an end; then either answer is right), and returns what the target did.
 */
export async function expectOutcome(
  m: LifecycleModel,
  r: LifecycleReal,
  s: ModelSession,
  res: TimedResponse,
  allowedIn: (phase: Phase) => Outcome | 'either',
  what: string,
): Promise<Outcome> {
  const phases = m.timeline.possible(s.schedule, res);
  const allowed = new Set<Outcome>(phases.flatMap((p) => {
    const o = allowedIn(p);
    return o === 'either' ? ['ok', 'refused'] : [o];
  }));
  const seen: Outcome | undefined = is2xx(res.status) ? 'ok' : is4xx(res.status) ? 'refused' : undefined;
  // A failed check of the model's own rule ends the iteration: the model goes on only with an outcome it allows.
  return r.rules.need(LIFECYCLE_RULE, () => {
    const state = `${phases.join(' or ')}${s.canceled ? ', canceled' : ''}`;
    expect([...allowed], `${what} answered ${res.status}; for a session ${state} the model allows`).toContain(seen ?? `status ${res.status}`);
    return seen!;
  });
}
