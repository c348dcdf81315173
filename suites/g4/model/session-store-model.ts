import type * as fc from 'fast-check';
import { expect } from '@playwright/test';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import { asSent, runData, type G4Api, type SessionView } from '../g4-api';
import { OTHER_TENANT_REFUSALS, expectNoSession, expectSuccess, sessionIdOf, where } from '../steps';

/** A simplified view of one tenant's sessions: what the server must agree with. */
export interface StoreModel {
  /** Live sessions of this iteration, id → data, in creation order. */
  readonly sessions: Map<string, unknown>;
  /** Sessions this iteration deleted. */
  readonly deleted: string[];
}

export interface StoreReal {
  readonly api: G4Api;
  readonly rules: RuleRecorder;
  /** A second tenant to look from, when configured. */
  readonly otherTenant?: string;
}

export type StoreCommand = fc.AsyncCommand<StoreModel, StoreReal>;

const RULE = 'g4.model-store';
/** Few sessions at a time, so deletes and reads hit each other's neighbours. */
export const MAX_LIVE = 4;

function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length]!;
}

function live(m: Readonly<StoreModel>): string[] {
  return [...m.sessions.keys()];
}

export class CreateCommand implements StoreCommand {
  private resolved = '';
  check = (m: Readonly<StoreModel>) => m.sessions.size < MAX_LIVE;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const data = runData('model');
    const res = await r.api.create(r.api.credentials(data));
    // A failed check of the model's own rule ends the iteration: the model goes on only with a session id.
    const id = await r.rules.need(RULE, () => {
      expect(res.status, 'POST /session').toBe(200);
      const sessionId = sessionIdOf(res);
      expect(sessionId, `sessionId of POST /session: ${res.text.slice(0, 200)}`).toEqual(expect.any(String));
      expect([...live(m), ...m.deleted], 'a new session has an id of its own').not.toContain(sessionId);
      return sessionId!;
    });
    this.resolved = id;
    m.sessions.set(id, data);
  }
  toString = () => `POST /session ${this.resolved}`;
}

export class PutCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly value: unknown) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const id = pick(live(m), this.index);
    this.resolved = id;
    const res = await r.api.put(id, this.value);
    await r.rules.check(RULE, () => expectSuccess(res, `PUT /session/${id}`));
    // The model holds what was sent: JSON turns -0 into 0.
    m.sessions.set(id, asSent(this.value));
  }
  toString = () => `PUT /session/{#${this.index}} ${this.resolved} ${JSON.stringify(this.value)}`;
}

/** GET /session or GET /static-session of a live session: both answer its current data. */
export class ReadCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly statically: boolean) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const id = pick(live(m), this.index);
    this.resolved = id;
    const res = this.statically ? await r.api.getStatic(id) : await r.api.get(id);
    await r.rules.check(RULE, () => {
      expect(res.status, `${this} of a live session`).toBe(200);
      expect((res.json as SessionView | undefined)?.data, 'its current data').toEqual(m.sessions.get(id));
    });
  }
  toString = () => `GET /${this.statically ? 'static-session' : 'session'}/{#${this.index}} ${this.resolved}`;
}

export class DeleteCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const id = pick(live(m), this.index);
    this.resolved = id;
    const res = await r.api.delete(id);
    await r.rules.check(RULE, () => expectSuccess(res, `DELETE /session/${id}`));
    m.sessions.delete(id);
    m.deleted.push(id);
  }
  toString = () => `DELETE /session/{#${this.index}} ${this.resolved}`;
}

/** A deleted session stays gone for both reads. */
export class ReadDeletedCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<StoreModel>) => m.deleted.length > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const id = pick(m.deleted, this.index);
    this.resolved = id;
    const answers = [await r.api.get(id), await r.api.getStatic(id)];
    await r.rules.check(RULE, () => {
      for (const res of answers) expectNoSession(res, 'of a deleted session');
    });
  }
  toString = () => `GET deleted {#${this.index}} ${this.resolved}`;
}

/** The other tenant never sees the sessions. */
export class ReadFromOtherTenantCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const id = pick(live(m), this.index);
    this.resolved = id;
    const res = await r.api.get(id, { tenant: r.otherTenant ?? null });
    // Isolation is a rule of its own (a SHOULD: nothing states what a tenant scopes); the model goes on either way.
    await r.rules.check('g4.tenant-isolation', () => expect(OTHER_TENANT_REFUSALS, `status of ${where(res)} from tenant ${r.otherTenant}`).toContain(res.status));
  }
  toString = () => `GET /session/{#${this.index}} ${this.resolved} from the other tenant`;
}

/**
 * Reads every session of the iteration once more, live and deleted. Run after each sequence, so a command
 * that hit the wrong session is seen even when it came last.
 */
export async function observeStore(m: StoreModel, r: StoreReal): Promise<void> {
  for (let i = 0; i < m.sessions.size; i++) await new ReadCommand(i, false).run(m, r);
  for (let i = 0; i < m.deleted.length; i++) await new ReadDeletedCommand(i).run(m, r);
}
