import type * as fc from 'fast-check';
import { expect } from '@playwright/test';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import { listedIds, sessionRecord, type EtherpadApi, type Form } from '../etherpad-api';

/** A simplified session store: what the server must agree with. */
export interface StoreModel {
  /** Groups and authors made for this iteration (two each): nothing else is looked at. */
  readonly groups: readonly string[];
  readonly authors: readonly string[];
  /** Live sessions, by sessionID. */
  readonly sessions: Map<string, SessionRecord>;
  /** Sessions this iteration deleted. */
  readonly deleted: string[];
}

export type SessionRecord = {
  readonly groupID: string;
  readonly authorID: string;
  readonly validUntil: number;
};

export interface StoreReal {
  readonly api: EtherpadApi;
  readonly rules: RuleRecorder;
}

export type StoreCommand = fc.AsyncCommand<StoreModel, StoreReal>;

const RULE = 'etherpad.model-store';

function at<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}

function pickSession(m: StoreModel, index: number): [string, SessionRecord] {
  return at([...m.sessions.entries()], index);
}

/** The model's sessions matching a filter, as a listSessionsOf* answer maps them. */
function expectedListing(m: StoreModel, keep: (r: SessionRecord) => boolean): Record<string, SessionRecord> {
  return Object.fromEntries([...m.sessions.entries()].filter(([, r]) => keep(r)));
}

export class CreateCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly group: number, readonly author: number, readonly form: Form, readonly offset: number) {}
  check = () => true;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const record: SessionRecord = { groupID: at(m.groups, this.group), authorID: at(m.authors, this.author), validUntil: r.api.validUntilIn(this.offset) };
    const a = await r.api.call('createSession', this.form, { ...record });
    const sessionID = (a.data as { sessionID?: unknown } | null)?.sessionID;
    await r.rules.check(RULE, () => {
      expect(a.code, `${this} answered ${JSON.stringify(a.message)}`).toBe(0);
      expect(typeof sessionID, 'data.sessionID').toBe('string');
      expect([...m.sessions.keys(), ...m.deleted], 'a create makes a new session').not.toContain(sessionID);
    });
    this.resolved = String(sessionID);
    m.sessions.set(String(sessionID), record);
  }
  toString = () => `${this.form} createSession(group #${this.group}, author #${this.author}, now+${this.offset}s)${this.resolved && ` → ${this.resolved}`}`;
}

export class GetCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly form: Form) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const [sessionID, record] = pickSession(m, this.index);
    this.resolved = sessionID;
    const a = await r.api.call('getSessionInfo', this.form, { sessionID });
    await r.rules.check(RULE, () => {
      expect(a.code, `${this} answered ${JSON.stringify(a.message)}`).toBe(0);
      expect(sessionRecord(a.data), `${this}: the record`).toMatchObject(record);
    });
  }
  toString = () => `${this.form} getSessionInfo(#${this.index} ${this.resolved})`;
}

export class DeleteCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly form: Form) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const [sessionID] = pickSession(m, this.index);
    this.resolved = sessionID;
    const a = await r.api.call('deleteSession', this.form, { sessionID });
    await r.rules.check(RULE, () => expect(a.code, `${this} answered ${JSON.stringify(a.message)}`).toBe(0));
    m.sessions.delete(sessionID);
    m.deleted.push(sessionID);
  }
  toString = () => `${this.form} deleteSession(#${this.index} ${this.resolved})`;
}

export class GetDeletedCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly form: Form) {}
  check = (m: Readonly<StoreModel>) => m.deleted.length > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const sessionID = at(m.deleted, this.index);
    this.resolved = sessionID;
    const a = await r.api.call('getSessionInfo', this.form, { sessionID });
    await r.rules.check(RULE, () => expect(a.code, `${this}: a deleted session is unknown`).toBe(1));
  }
  toString = () => `${this.form} getSessionInfo(deleted #${this.index} ${this.resolved})`;
}

/** Lists the sessions of every group (or author) of the iteration, each checked against the model. */
abstract class ListCommand implements StoreCommand {
  constructor(readonly form: Form) {}
  abstract readonly fn: 'listSessionsOfGroup' | 'listSessionsOfAuthor';
  abstract owners(m: StoreModel): readonly string[];
  abstract owns(owner: string, s: SessionRecord): boolean;
  check = () => true;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    for (const owner of this.owners(m)) {
      const param = this.fn === 'listSessionsOfGroup' ? 'groupID' : 'authorID';
      const a = await r.api.call(this.fn, this.form, { [param]: owner });
      const expected = expectedListing(m, (s) => this.owns(owner, s));
      await r.rules.check(RULE, () => {
        expect(a.code, `${this.form} ${this.fn}(${owner}) answered ${JSON.stringify(a.message)}`).toBe(0);
        expect(listedIds(a.data), `${this.form} ${this.fn}(${owner}): sessionIDs`).toEqual(Object.keys(expected).sort());
        if (Object.keys(expected).length) expect(a.data, `${this.form} ${this.fn}(${owner}): records`).toMatchObject(expected);
      });
    }
  }
  toString = () => `${this.form} ${this.fn}(each)`;
}

export class ListOfGroupsCommand extends ListCommand {
  readonly fn = 'listSessionsOfGroup';
  owners = (m: StoreModel) => m.groups;
  owns = (groupID: string, s: SessionRecord) => s.groupID === groupID;
}

export class ListOfAuthorsCommand extends ListCommand {
  readonly fn = 'listSessionsOfAuthor';
  owners = (m: StoreModel) => m.authors;
  owns = (authorID: string, s: SessionRecord) => s.authorID === authorID;
}

/**
 * Lists the sessions of every group and author of the iteration once more. Run after each sequence, so a
 * store that goes wrong in the last commands (a delete the author index keeps) is seen too.
 */
export async function observeStore(m: StoreModel, r: StoreReal): Promise<void> {
  await new ListOfGroupsCommand('GET').run(m, r);
  await new ListOfAuthorsCommand('GET').run(m, r);
}
