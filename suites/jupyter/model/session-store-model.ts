import type * as fc from 'fast-check';
import { expect } from '@playwright/test';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import type { JupyterApi } from '../jupyter-api';
import { bodyNote, listedPaths } from '../steps';

/** A simplified session store: what the server must agree with. Keyed by path, like jupyter_server. */
export interface StoreModel {
  /** Path prefix of this iteration: nothing outside it is looked at. */
  readonly prefix: string;
  readonly sessions: Map<string, { id: string; name: string }>;
}

/** Labels are few on purpose, so sequences reuse paths: a create after a rename or delete of the same path. */
export const LABELS = ['a', 'b', 'c', 'd'] as const;

function pathOf(m: Readonly<StoreModel>, label: string): string {
  return `${m.prefix}/${label}.ipynb`;
}

export interface StoreReal {
  readonly api: JupyterApi;
  readonly rules: RuleRecorder;
}

export type StoreCommand = fc.AsyncCommand<StoreModel, StoreReal>;

const RULE = 'jupyter.model-store';

type Session = { id: string; path: string; name?: string };

function pick(m: StoreModel, index: number): [string, { id: string; name: string }] {
  const entries = [...m.sessions.entries()];
  return entries[index % entries.length]!;
}

export class CreateCommand implements StoreCommand {
  constructor(readonly label: string) {}
  check = () => true;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const path = pathOf(m, this.label);
    const res = await r.api.create({ path, name: this.label, type: 'notebook', kernel: { name: r.api.kernelName } });
    const existing = m.sessions.get(path);
    // The exact status is a rule of its own; the model asks that the create worked, and what it returned.
    await r.rules.check('jupyter.create-returns-201', () => expect(res.status, `status of POST ${path}`).toBe(201));
    await r.rules.check(RULE, () => {
      expect(res.status, `POST ${path}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `POST ${path}`).toBeLessThan(300);
      expect(res.json, `the session of POST ${path}${bodyNote(res)}`).toEqual(expect.objectContaining({ id: expect.any(String) }));
      const s = res.json as Session;
      if (existing) expect(s.id, 'a create of an existing path returns that session').toBe(existing.id);
      else expect([...m.sessions.values()].map((x) => x.id), 'a new path makes a new session').not.toContain(s.id);
    });
    if (!existing) m.sessions.set(path, { id: (res.json as Session).id, name: this.label });
  }
  toString = () => `POST /api/sessions {path: "${this.label}.ipynb"}`;
}

export class RenameCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number, readonly label: string) {}
  /** Renames only to a free path: two sessions on one path are outside the contract. */
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0 && !m.sessions.has(pathOf(m, this.label));
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const [oldPath, s] = pick(m, this.index);
    const label = this.label;
    const path = pathOf(m, label);
    this.resolved = s.id;
    const res = await r.api.patch(s.id, { path, name: label });
    await r.rules.check(RULE, () => {
      expect(res.status, `PATCH ${s.id}`).toBe(200);
      expect(res.json, `PATCH answer${bodyNote(res)}`).toMatchObject({ id: s.id, path, name: label });
    });
    m.sessions.delete(oldPath);
    m.sessions.set(path, { id: s.id, name: label });
  }
  toString = () => `PATCH /api/sessions/{#${this.index}} {path: "${this.label}.ipynb"} ${this.resolved}`;
}

export class DeleteCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const [path, s] = pick(m, this.index);
    this.resolved = s.id;
    const res = await r.api.delete(s.id);
    await r.rules.check('jupyter.delete-returns-204', () => expect(res.status, `status of DELETE ${s.id}`).toBe(204));
    await r.rules.check(RULE, () => {
      expect(res.status, `DELETE ${s.id}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `DELETE ${s.id}`).toBeLessThan(300);
    });
    m.sessions.delete(path);
  }
  toString = () => `DELETE /api/sessions/{#${this.index}} ${this.resolved}`;
}

export class GetCommand implements StoreCommand {
  private resolved = '';
  constructor(readonly index: number) {}
  check = (m: Readonly<StoreModel>) => m.sessions.size > 0;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const [path, s] = pick(m, this.index);
    this.resolved = s.id;
    const res = await r.api.get(s.id);
    await r.rules.check(RULE, () => {
      expect(res.status, `GET ${s.id}`).toBe(200);
      expect(res.json, `GET answer${bodyNote(res)}`).toMatchObject({ id: s.id, path, name: s.name });
    });
  }
  toString = () => `GET /api/sessions/{#${this.index}} ${this.resolved}`;
}

export class ListCommand implements StoreCommand {
  check = () => true;
  async run(m: StoreModel, r: StoreReal): Promise<void> {
    const res = await r.api.list();
    await r.rules.check(RULE, () => {
      // Only this iteration's sessions: the list holds every client's.
      const mine = listedPaths(res).flatMap((path, i) => (path.startsWith(`${m.prefix}/`) ? [(res.json as Session[])[i]!] : []));
      const seen = mine.map((s) => `${s.path} ${s.id}`).sort();
      const expected = [...m.sessions.entries()].map(([path, s]) => `${path} ${s.id}`).sort();
      expect(seen, 'sessions listed under this iteration').toEqual(expected);
    });
  }
  toString = () => 'GET /api/sessions';
}
