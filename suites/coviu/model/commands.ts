import { expect } from '@playwright/test';
import { sleep } from '../../../harness/time/clock';
import { participantIds } from '../coviu-api';
import { iso } from '../run-window';
import { addedParticipantOf, createdSessionOf, expect4xx, participantOf, sessionOf, walkedSessions } from '../steps';
import type { Session } from '../coviu-api';
import type { Phase } from '../timeline';
import {
  expectOutcome, LIFECYCLE_RULE, type LifecycleCommand, type LifecycleModel, type LifecycleReal, MAX_SESSIONS, type ModelSession,
  nextName, pick, settledPhase, shown,
} from './lifecycle-model';

const RULE = LIFECYCLE_RULE;
const MINUTE = 60_000;

const sorted = (xs: readonly string[]) => [...xs].sort();

/** The participants the target answered, as the model sees them: ids and names. */
function participantsOf(s: Session | undefined): string[] {
  return sorted((s?.participants ?? []).map((p) => `${p.participant_id} ${p.display_name ?? ''}`));
}

function expectedParticipants(s: ModelSession, includeCanceled: boolean): string[] {
  return sorted(shown(s, includeCanceled).map((p) => `${p.id} ${p.name}`));
}

/** Invalid creates the model also tries: each must be refused and create nothing. */
export type CreateKind = 'valid' | 'past-start' | 'end-at-start';

/** POST /sessions: a session starting COVIU_START_LEAD_MS ahead, or one the contract forbids. */
export class CreateSession implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly kind: CreateKind, readonly withParticipant: boolean) {}
  check = (m: Readonly<LifecycleModel>) => m.sessions.length < MAX_SESSIONS;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const schedule = m.timeline.next();
    const name = nextName(m, 's');
    const guest = nextName(m, 'p');
    const now = m.timeline.targetNow(schedule);
    const times = {
      valid: [schedule.startMs, schedule.endMs],
      'past-start': [Math.floor((now - MINUTE) / 1_000) * 1_000, schedule.endMs],
      'end-at-start': [schedule.startMs, schedule.startMs],
    }[this.kind];
    const res = await r.api.createSession({
      session_name: name,
      start_time: iso(times[0]!),
      end_time: iso(times[1]!),
      ...(this.withParticipant ? { participants: [{ display_name: guest, role: 'guest' }] } : {}),
    });
    this.shownAs = (res.json as Partial<Session> | undefined)?.session_id ?? String(res.status);
    if (this.kind !== 'valid') {
      await r.rules.check(RULE, () => expect4xx(res, `POST /sessions (${this.kind})`));
      return;
    }
    // A failed check of the model's own rule ends the iteration: the model goes on only with the session made.
    const s = await r.rules.need(RULE, () => {
      const created = createdSessionOf(res, 'POST /sessions');
      expect(created.session_name, 'session_name').toBe(name);
      expect((created.participants ?? []).map((p) => p.display_name), 'participants sent with the create').toEqual(this.withParticipant ? [guest] : []);
      return created;
    });
    const participants = (s.participants ?? []).map((p) => ({ id: p.participant_id, name: p.display_name ?? '', canceled: false }));
    m.sessions.push({ id: s.session_id, name, schedule, canceled: false, participants });
  }
  toString = () => `POST /sessions (${this.kind}${this.withParticipant ? ', with a participant' : ''}) → ${this.shownAs}`;
}

/** PUT /sessions/{id}: a new name. Allowed until the session finishes, never once it is canceled. */
export class UpdateSession implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<LifecycleModel>) => m.sessions.length > 0;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const s = pick(m.sessions, this.index);
    const phase = await settledPhase(m, s);
    this.shownAs = `${s.id} (${s.canceled ? 'canceled' : phase})`;
    const name = nextName(m, 'u');
    const res = await r.api.updateSession(s.id, { session_name: name });
    const outcome = await expectOutcome(m, r, s, res, (p) => (s.canceled || p === 'finished' ? 'refused' : 'ok'), `PUT /sessions/${s.id}`);
    if (outcome !== 'ok') return;
    await r.rules.check(RULE, () => {
      const answered = sessionOf(res, `PUT /sessions/${s.id}`);
      expect(answered.session_name, 'name in the PUT answer').toBe(name);
      expect(participantsOf(answered), 'participants in the PUT answer').toEqual(expectedParticipants(s, false));
    });
    s.name = name;
  }
  toString = () => `PUT /sessions/{#${this.index}} ${this.shownAs}`;
}

/** DELETE /sessions/{id}: only a scheduled session may be canceled; a canceled one stays canceled. */
export class CancelSession implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<LifecycleModel>) => m.sessions.length > 0;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const s = pick(m.sessions, this.index);
    const phase = await settledPhase(m, s);
    this.shownAs = `${s.id} (${s.canceled ? 'canceled' : phase})`;
    const res = await r.api.cancelSession(s.id);
    // A second cancel may be refused or accepted (no source says); either way the session stays canceled.
    const outcome = await expectOutcome(m, r, s, res, (p) => (s.canceled ? 'either' : p === 'scheduled' ? 'ok' : 'refused'), `DELETE /sessions/${s.id}`);
    if (outcome === 'ok') s.canceled = true;
  }
  toString = () => `DELETE /sessions/{#${this.index}} ${this.shownAs}`;
}

/** POST /sessions/{id}/participants: before and after the start, not after the end, never once canceled. */
export class AddParticipant implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number, readonly role: 'host' | 'guest') {}
  check = (m: Readonly<LifecycleModel>) => m.sessions.length > 0;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const s = pick(m.sessions, this.index);
    const phase = await settledPhase(m, s);
    this.shownAs = `${s.id} (${s.canceled ? 'canceled' : phase})`;
    const name = nextName(m, 'p');
    const res = await r.api.addParticipant(s.id, { display_name: name, role: this.role });
    const outcome = await expectOutcome(m, r, s, res, (p) => (s.canceled || p === 'finished' ? 'refused' : 'ok'), `POST /sessions/${s.id}/participants`);
    if (outcome !== 'ok') return;
    const p = await r.rules.need(RULE, () => {
      const added = addedParticipantOf(res, `POST /sessions/${s.id}/participants`);
      expect(added.display_name, 'display_name').toBe(name);
      return added;
    });
    s.participants.push({ id: p.participant_id, name, canceled: false });
  }
  toString = () => `POST /sessions/{#${this.index}}/participants (${this.role}) ${this.shownAs}`;
}

/** Participants that are not canceled, with their session. */
function live(m: Readonly<LifecycleModel>): { s: ModelSession; p: ModelSession['participants'][number] }[] {
  return m.sessions.flatMap((s) => s.participants.filter((p) => !p.canceled).map((p) => ({ s, p })));
}

/** PUT /participants/{id}: a new name, for a participant of a session that is not canceled. */
export class UpdateParticipant implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<LifecycleModel>) => live(m).some(({ s }) => !s.canceled);
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { s, p } = pick(live(m).filter(({ s: x }) => !x.canceled), this.index);
    const phase = await settledPhase(m, s);
    this.shownAs = `${p.id} (session ${phase})`;
    const name = nextName(m, 'n');
    const res = await r.api.updateParticipant(p.id, { display_name: name });
    // After the end no source says whether a participant may still be renamed: either answer is right.
    const outcome = await expectOutcome(m, r, s, res, (x) => (x === 'finished' ? 'either' : 'ok'), `PUT /participants/${p.id}`);
    if (outcome !== 'ok') return;
    await r.rules.check(RULE, () => expect(participantOf(res, `PUT /participants/${p.id}`).display_name, 'display_name in the PUT answer').toBe(name));
    p.name = name;
  }
  toString = () => `PUT /participants/{#${this.index}} ${this.shownAs}`;
}

/** DELETE /participants/{id}: not after the end, not once the session is canceled. */
export class CancelParticipant implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<LifecycleModel>) => live(m).length > 0;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const { s, p } = pick(live(m), this.index);
    const phase = await settledPhase(m, s);
    this.shownAs = `${p.id} (session ${s.canceled ? 'canceled' : phase})`;
    const res = await r.api.cancelParticipant(p.id);
    const outcome = await expectOutcome(m, r, s, res, (x) => (s.canceled || x === 'finished' ? 'refused' : 'ok'), `DELETE /participants/${p.id}`);
    if (outcome === 'ok') p.canceled = true;
  }
  toString = () => `DELETE /participants/{#${this.index}} ${this.shownAs}`;
}

/** GET /sessions/{id}: name, times and participants as the model has them. */
export class GetSession implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number, readonly withDeleted: boolean) {}
  check = (m: Readonly<LifecycleModel>) => m.sessions.length > 0;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const s = pick(m.sessions, this.index);
    this.shownAs = s.id;
    const res = await r.api.getSession(s.id, this.withDeleted ? { deleted_participants: true } : {});
    await r.rules.check(RULE, () => {
      const got = sessionOf(res, `GET /sessions/${s.id}`);
      const where = `GET /sessions/${s.id}${this.withDeleted ? '?deleted_participants=true' : ''}`;
      expect(got.session_name, `${where}: session_name`).toBe(s.name);
      expect([Date.parse(got.start_time), Date.parse(got.end_time)], `${where}: start and end`).toEqual([s.schedule.startMs, s.schedule.endMs]);
      expect(participantsOf(got), `${where}: participants (id and name)`).toEqual(expectedParticipants(s, this.withDeleted));
    });
  }
  toString = () => `GET /sessions/{#${this.index}}${this.withDeleted ? '?deleted_participants=true' : ''} ${this.shownAs}`;
}

/** GET /sessions over the iteration's stretch of time: its sessions, canceled ones only on request, by start. */
export class ListSessions implements LifecycleCommand {
  constructor(readonly includeCanceled: boolean, readonly maxPages: number) {}
  check = () => true;
  async run(m: LifecycleModel, r: LifecycleReal): Promise<void> {
    const query = { start_time: iso(m.beganMs), end_time: iso(m.beganMs + 10 * MINUTE), ...(this.includeCanceled ? { include_canceled: true } : {}) };
    const walk = await r.api.listAll(query, this.maxPages);
    await r.rules.check(RULE, () => {
      const mine = walkedSessions(walk, 'GET /sessions over the run\'s stretch of time').filter((x) => (x.session_name ?? '').startsWith(`${m.tag} `));
      const expected = m.sessions.filter((s) => this.includeCanceled || !s.canceled);
      expect(sorted(mine.map((x) => `${x.session_id} ${x.session_name}`)), `sessions listed${this.includeCanceled ? ' with include_canceled=true' : ''}`)
        .toEqual(sorted(expected.map((s) => `${s.id} ${s.name}`)));
      const starts = mine.map((x) => Date.parse(x.start_time));
      expect(starts, 'a time-filtered list is ordered by start').toEqual([...starts].sort((a, b) => a - b));
      for (const x of mine) {
        const s = expected.find((e) => e.id === x.session_id);
        if (s) expect(participantIds(x.participants).sort(), `participants of ${x.session_id} in the list`).toEqual(shown(s, false).map((p) => p.id).sort());
      }
    });
  }
  toString = () => `GET /sessions?start_time…end_time${this.includeCanceled ? '&include_canceled=true' : ''}`;
}

/** Lets real time pass until a session surely has started or finished, within the iteration's waiting budget. */
export class WaitFor implements LifecycleCommand {
  private shownAs = '';
  constructor(readonly index: number, readonly phase: Exclude<Phase, 'scheduled'>) {}
  /** Sessions whose `phase` lies ahead, and within the budget. */
  private ahead(m: Readonly<LifecycleModel>): { s: ModelSession; ms: number }[] {
    return m.sessions
      .map((s) => ({ s, ms: (this.phase === 'started' ? s.schedule.startMs : s.schedule.endMs) + s.schedule.toleranceMs - m.timeline.targetNow(s.schedule) }))
      .filter(({ ms }) => ms > 0 && ms <= m.waitBudgetMs);
  }
  check = (m: Readonly<LifecycleModel>) => this.ahead(m).length > 0;
  async run(m: LifecycleModel): Promise<void> {
    const candidates = this.ahead(m);
    if (candidates.length === 0) return;
    const { s, ms } = pick(candidates, this.index);
    this.shownAs = `${s.id} (${ms} ms)`;
    const began = Date.now();
    await sleep(ms + 5);
    m.waitBudgetMs -= Date.now() - began;
  }
  toString = () => `wait until {#${this.index}} has ${this.phase} ${this.shownAs}`;
}

/**
 * How every run ends, whatever its commands did: once the first session has started, each session gets one more
 * update, participant, participant cancel and cancel, as its state allows, and everything is read back. The random
 * commands make the states (canceled, started, finished, with and without participants); the sweep tries the
 * state-dependent rules on each of them.
 */
export async function closingSweep(m: LifecycleModel, r: LifecycleReal, maxListPages: number): Promise<void> {
  await m.timeline.waitFor(m.sessions[0]!.schedule, 'started');
  for (let i = 0; i < m.sessions.length; i++) {
    const s = m.sessions[i]!;
    await new UpdateSession(i).run(m, r);
    await new AddParticipant(i, 'host').run(m, r);
    const first = live(m).findIndex((x) => x.s === s);
    if (first >= 0) await new CancelParticipant(first).run(m, r);
    await new CancelSession(i).run(m, r);
  }
  for (let i = 0; i < m.sessions.length; i++) {
    await new GetSession(i, false).run(m, r);
    await new GetSession(i, true).run(m, r);
  }
  await new ListSessions(false, maxListPages).run(m, r);
  await new ListSessions(true, maxListPages).run(m, r);
}
