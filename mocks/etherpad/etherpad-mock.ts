import { randomBytes } from 'node:crypto';
import { etherpadContract } from '../../contracts/etherpad';
import type { MockOf, MockResponse, RequestOf, RouteOf } from '../core/mock-server';
import { etherpadFaults } from './faults';

interface SessionRecord {
  groupID: string;
  authorID: string;
  validUntil: number;
}

interface EtherpadState {
  readonly groups: Set<string>;
  readonly authors: Set<string>;
  readonly sessions: Map<string, SessionRecord>;
  /** sessionIDs per group and per author, as Etherpad keeps group2sessions / author2sessions. */
  readonly ofGroup: Map<string, Set<string>>;
  readonly ofAuthor: Map<string, Set<string>>;
  /** Deleted records still listed by author: only the `author-list-keeps-deleted` fault fills this. */
  readonly ghosts: Map<string, SessionRecord>;
}

export interface EtherpadMockOptions {
  /** The key requests must carry as `apikey` (or `api_key`), in the query or the body. */
  readonly apiKey: string;
}

/** Where the API sits below the mock root, as on a real Etherpad. */
const API_PREFIX = '/api/1.2.15';

/** The seed's pairing of envelope codes and HTTP statuses; 3 (no such function) is Etherpad's 404. */
const STATUS_OF_CODE: Record<number, number> = { 0: 200, 1: 400, 2: 500, 3: 404, 4: 401 };

type Params = Record<string, unknown>;
type Handler = (p: Params, state: EtherpadState, req: Req) => Answer;

/** What a function answers, before the envelope and the HTTP status are put around it. */
interface Answer {
  readonly code: number;
  readonly message: string;
  readonly data: unknown;
}

const ok = (data: unknown = null): Answer => ({ code: 0, message: 'ok', data });
const apiError = (message: string): Answer => ({ code: 1, message, data: null });

function randomId(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return prefix + [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function indexAdd(index: Map<string, Set<string>>, key: string, id: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

/**
 * validUntil as the contract reads it: a unix timestamp in seconds, digits only, not in the past.
 * Strings and JSON numbers are both accepted; the faults loosen exactly one of the checks each.
 */
function parseValidUntil(raw: unknown, req: Req): { ok: true; value: number } | { ok: false; message: string } {
  const f = req.faults;
  const never = Number.MAX_SAFE_INTEGER;
  let value: number;
  if (raw === undefined || raw === null || raw === '') {
    if (f.has('missing-valid-until-never-expires')) return { ok: true, value: never };
    return { ok: false, message: 'validUntil is not a number' };
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: 'validUntil is not a number' };
    value = raw;
  } else if (typeof raw === 'string') {
    const s = raw.trim();
    if (/^-?\d+(?:\.\d+)?$/.test(s)) value = Number(s);
    else if (/^\d+/.test(s) && f.has('trailing-junk-ignored')) value = parseInt(s, 10);
    else return { ok: false, message: 'validUntil is not a number' };
  } else {
    return { ok: false, message: 'validUntil is not a number' };
  }
  if (value < 0) {
    if (f.has('negative-never-expires')) return { ok: true, value: never };
    return { ok: false, message: 'validUntil is a negative number' };
  }
  if (!Number.isInteger(value)) {
    if (!f.has('fraction-truncated')) return { ok: false, message: 'validUntil is a float value' };
    value = Math.trunc(value);
  }
  if (f.has('valid-until-ms')) value = Math.floor(value / 1000);
  if (value < Math.floor(Date.now() / 1000) && !f.has('past-accepted')) return { ok: false, message: 'validUntil is in the past' };
  return { ok: true, value };
}

function listAnswer(ids: Iterable<string>, lookup: (id: string) => SessionRecord | undefined): Answer {
  const data: Record<string, SessionRecord> = {};
  for (const id of ids) {
    const record = lookup(id);
    // Etherpad 1.8.14 fails the whole listing when its index names a session that is gone.
    if (!record) return apiError('sessionID does not exist');
    data[id] = { ...record };
  }
  return ok(Object.keys(data).length ? data : null);
}

const functions: Record<string, Handler> = {
  createGroup(_p, state) {
    const groupID = randomId('g.');
    state.groups.add(groupID);
    return ok({ groupID });
  },

  createAuthor(_p, state) {
    const authorID = randomId('a.');
    state.authors.add(authorID);
    return ok({ authorID });
  },

  deleteGroup(p, state, req) {
    const groupID = str(p.groupID);
    if (groupID === undefined || !state.groups.has(groupID)) return apiError('groupID does not exist');
    for (const id of state.ofGroup.get(groupID) ?? []) {
      const record = state.sessions.get(id);
      state.sessions.delete(id);
      if (record && !req.faults.has('delete-group-loses-author-index')) state.ofAuthor.get(record.authorID)?.delete(id);
    }
    state.ofGroup.delete(groupID);
    state.groups.delete(groupID);
    return ok();
  },

  createSession(p, state, req) {
    const f = req.faults;
    const groupID = str(p.groupID);
    if (groupID === undefined || !state.groups.has(groupID)) {
      if (groupID === undefined || groupID === '' || !f.has('unknown-group-created')) return apiError('groupID does not exist');
      state.groups.add(groupID);
    }
    const authorID = str(p.authorID);
    const skipAuthor = f.has('unknown-author-accepted') || (f.has('post-skips-author-check') && req.method === 'POST');
    if ((authorID === undefined || !state.authors.has(authorID)) && !skipAuthor) return apiError('authorID does not exist');
    const validUntil = parseValidUntil(p.validUntil, req);
    const sessionID = randomId('s.');
    const store = (v: number) => {
      state.sessions.set(sessionID, { groupID, authorID: authorID ?? '', validUntil: v });
      indexAdd(state.ofGroup, groupID, sessionID);
      indexAdd(state.ofAuthor, authorID ?? '', sessionID);
    };
    if (!validUntil.ok) {
      if (f.has('refused-create-stored')) store(Math.floor(Date.now() / 1000));
      return apiError(validUntil.message);
    }
    store(validUntil.value);
    return ok(f.has('create-no-session-id') ? {} : { sessionID });
  },

  getSessionInfo(p, state, req) {
    const id = str(p.sessionID);
    const record = id === undefined ? undefined : state.sessions.get(id);
    if (id === undefined || !record) return apiError('sessionID does not exist');
    const f = req.faults;
    const validUntil = f.has('info-valid-until-ms') ? record.validUntil * 1000 : record.validUntil;
    const fields = { groupID: record.groupID, authorID: record.authorID, validUntil };
    if (f.has('info-flat')) return ok(fields);
    const info: Record<string, unknown> = { id, ...fields };
    if (f.has('info-valid-until-string')) info.validUntil = String(validUntil);
    return ok({ info });
  },

  deleteSession(p, state, req) {
    const f = req.faults;
    const id = str(p.sessionID);
    const record = id === undefined ? undefined : state.sessions.get(id);
    if (id === undefined || !record) return f.has('delete-unknown-ok') ? ok() : apiError('sessionID does not exist');
    if (f.has('delete-noop')) return ok();
    state.sessions.delete(id);
    state.ofGroup.get(record.groupID)?.delete(id);
    if (f.has('author-list-keeps-deleted')) state.ghosts.set(id, record);
    else state.ofAuthor.get(record.authorID)?.delete(id);
    return f.has('delete-answers-record') ? ok({ ...record }) : ok();
  },

  listSessionsOfGroup(p, state) {
    const groupID = str(p.groupID);
    if (groupID === undefined || !state.groups.has(groupID)) return apiError('groupID does not exist');
    return listAnswer(state.ofGroup.get(groupID) ?? [], (id) => state.sessions.get(id));
  },

  listSessionsOfAuthor(p, state) {
    const authorID = str(p.authorID);
    if (authorID === undefined || !state.authors.has(authorID)) return apiError('authorID does not exist');
    return listAnswer(state.ofAuthor.get(authorID) ?? [], (id) => state.sessions.get(id) ?? state.ghosts.get(id));
  },
};

/** The request's parameters: query, then the body's fields over them (http_api.md: POST wins). */
function parameters(req: Req): { ok: true; params: Params } | { ok: false; message: string } {
  const query: Params = {};
  for (const [k, v] of req.query) if (!(k in query)) query[k] = v;
  let body: Params = {};
  if (req.body.length > 0) {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') {
      for (const [k, v] of new URLSearchParams(req.body)) if (!(k in body)) body[k] = v;
    } else if (type === 'application/json') {
      try {
        const parsed: unknown = JSON.parse(req.body);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, message: 'the JSON body is not an object' };
        body = parsed as Params;
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : 'malformed JSON body' };
      }
    } else {
      return { ok: false, message: type ? `bad content-type header, unknown content-type: ${type}` : 'bad content-type header, no content-type' };
    }
  }
  return { ok: true, params: req.faults.has('query-wins') ? { ...body, ...query } : { ...query, ...body } };
}

/** Requests as this mock's routes see them: its faults by name. */
type Req = RequestOf<typeof etherpadFaults>;

/**
 * A stateful Etherpad 1.2.15 session API that answers as the seed says: the envelope {code, message, data}
 * with code 0/1/2/4 sent as HTTP 200/400/500/401. Groups, authors and sessions live in memory; the key is
 * checked before the body is used.
 */
export function etherpadMock(options: EtherpadMockOptions): MockOf<EtherpadState, typeof etherpadFaults> {
  const envelope = (req: Req, a: Answer, fn?: string): MockResponse => {
    const f = req.faults;
    let status = STATUS_OF_CODE[a.code] ?? 500;
    if (a.code === 0 && f.has('create-ok-201') && fn === 'createSession') status = 201;
    if (a.code === 1 && f.has('code1-http-200')) status = 200;
    if (a.code === 2 && f.has('code2-http-400')) status = 400;
    if (a.code === 4 && f.has('code4-http-403')) status = 403;
    const body = { code: a.code, message: a.message, data: a.data };
    return { status, body };
  };

  const handle = (fn: string) => (req: Req, state: EtherpadState): MockResponse => {
    if (req.method === 'POST' && req.faults.has('post-not-routed')) return envelope(req, { code: 3, message: 'no such function', data: null });
    const parsed = parameters(req);
    if (!parsed.ok && req.faults.has('body-before-auth')) return envelope(req, { code: 2, message: parsed.message, data: null });
    // A malformed body cannot carry the key: then only the query can.
    const fields: Params = parsed.ok ? parsed.params : Object.fromEntries(req.query);
    const key = str(fields.apikey) ?? str(fields.api_key);
    if (key !== options.apiKey && !req.faults.has('auth-ignored')) return envelope(req, { code: 4, message: 'no or wrong API Key', data: null });
    if (!parsed.ok) return envelope(req, { code: 2, message: parsed.message, data: null });
    return envelope(req, functions[fn]!(parsed.params, state, req), fn);
  };

  const contractOps = new Set(etherpadContract.openapi.operations().map((o) => o.operationId));
  const routes: RouteOf<EtherpadState, typeof etherpadFaults>[] = Object.keys(functions).flatMap((fn) =>
    (['GET', 'POST'] as const).map((method) => {
      const operationId = `${fn}Using${method}`;
      return {
        method,
        pattern: new RegExp(`^${API_PREFIX.replace(/\./g, '\\.')}/${fn}$`),
        operationId: contractOps.has(operationId) ? operationId : undefined,
        handle: handle(fn),
      };
    }),
  );
  routes.push({ method: 'GET', pattern: /^\/api$/, handle: () => ({ status: 200, body: { currentVersion: '1.2.15' } }) });

  return {
    contract: etherpadContract.openapi,
    faults: etherpadFaults,
    newState: () => ({
      groups: new Set(), authors: new Set(), sessions: new Map(), ofGroup: new Map(), ofAuthor: new Map(), ghosts: new Map(),
    }),
    routes,
    // Unknown functions and methods: Etherpad's 404 code 3; an unknown API version gets Express's HTML page.
    notFound: (req) =>
      req.path.startsWith(`${API_PREFIX}/`)
        ? { status: 404, body: { code: 3, message: 'no such function', data: null } }
        : { status: 404, raw: `<!DOCTYPE html><pre>Cannot ${req.method} ${req.path}</pre>`, headers: { 'content-type': 'text/html; charset=utf-8' } },
  };
}
