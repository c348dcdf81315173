import { randomBytes, randomUUID } from 'node:crypto';
import { g4Contract } from '../../contracts/g4';
import type { MockOf, MockResponse, RequestOf, RouteOf } from '../core/mock-server';
import { g4Faults } from './faults';

export interface G4MockOptions {
  /** The Authorization value requests must carry (the scheme word is compared case-insensitively). */
  readonly authorization: string;
  /** Tenants the mock knows; any other `x-g4-tenant` is a G4 business error. */
  readonly tenants: readonly string[];
  /** The one user, valid in every tenant. */
  readonly username: string;
  readonly password: string;
  /** Sliding session TTL, on the real clock. */
  readonly ttlMs: number;
}

interface StoredSession {
  readonly id: string;
  /** Undefined only for a session opened without a tenant under the `tenant-optional` fault. */
  readonly tenant: string | undefined;
  readonly bearer: string;
  data: unknown;
  /** The data given at create: only the `static-stale-data` fault reads it. */
  readonly createdData: unknown;
  expiresAt: number;
}

interface G4State {
  /** Insertion order is creation order. */
  readonly sessions: Map<string, StoredSession>;
  /** Sessions that were there and are not any more, and why: only the `*-500` faults of missing sessions read it. */
  readonly gone: Map<string, { readonly tenant: string | undefined; readonly why: 'deleted' | 'expired' }>;
}

/** Why a request finds no session it may see. */
type Missing = 'unknown' | 'deleted' | 'expired' | 'other-tenant';

const MOCK_VERSION = '1.6.5-conformance-mock';
const USER_ID = 4242;
const SESSION_PATH = /^\/session\/(?<id>[^/]+)$/;
const STATIC_PATH = /^\/static-session\/(?<id>[^/]+)$/;
const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** What ASP.NET puts in a ProblemDetails `type`: the RFC 9110 section of the status. */
const RFC9110_SECTION: Record<number, string> = { 400: '15.5.1', 403: '15.5.4', 404: '15.5.5', 410: '15.5.11', 415: '15.5.16', 500: '15.6.1' };

const json = (status: number, body: unknown): MockResponse => ({ status, body, headers: { 'content-type': JSON_TYPE } });

function problem(status: number, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    body: { type: `https://tools.ietf.org/html/rfc9110#section-${RFC9110_SECTION[status] ?? '15'}`, title, status, traceId: `00-${randomBytes(16).toString('hex')}-00`, ...extra },
    headers: { 'content-type': PROBLEM_TYPE, ...headers },
  };
}

/** ASP.NET's answer when model binding fails (a missing required header, a body without username). */
function validationProblem(field: string, message: string): MockResponse {
  return problem(400, 'One or more validation errors occurred.', { errors: { [field]: [message] } });
}

/** The media types the seed lists for request bodies: application/json-patch+json, application/json, text/json, application/*+json. */
function acceptedBodyType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || media === 'text/json' || /^application\/[\w.-]+\+json$/.test(media);
}

/** Parses a JSON body as ASP.NET's input formatters would; an empty body is "no value". */
function readJson(req: Req): { ok: true; value: unknown; empty: boolean } | { ok: false; answer: MockResponse } {
  if (!req.body.trim()) return { ok: true, value: null, empty: true };
  if (!acceptedBodyType(req.headers['content-type'])) return { ok: false, answer: problem(415, 'Unsupported Media Type') };
  if (req.faults.has('text-json-415') && /^text\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return { ok: false, answer: problem(415, 'Unsupported Media Type') };
  }
  try {
    return { ok: true, value: JSON.parse(req.body) as unknown, empty: false };
  } catch (e) {
    return { ok: false, answer: validationProblem('$', `The JSON value could not be converted: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

function tenantOf(req: Req): string | undefined {
  const v = req.headers['x-g4-tenant'];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

function normalizeAuthorization(v: string): string {
  const m = /^(\S+)\s+(.*)$/.exec(v.trim());
  return m ? `${m[1]!.toLowerCase()} ${m[2]!.trim()}` : v.trim();
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What an IgnoreNullValues serializer does to stored data (the `nulls-dropped` fault). */
function dropNullMembers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNullMembers);
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNullMembers(x)]));
}

/** Requests as this mock's routes see them: its faults by name. */
type Req = RequestOf<typeof g4Faults>;

/**
 * A stateful G4 sessions service: tenants, one user, session data, and a sliding TTL on the real clock
 * (GET /session slides it, GET /static-session does not). Expired sessions are dropped on the next request.
 */
export function g4Mock(options: G4MockOptions): MockOf<G4State, typeof g4Faults> {
  const expected = normalizeAuthorization(options.authorization);

  function authorized(req: Req): boolean {
    if (req.faults.has('auth-ignored')) return true;
    const header = req.headers.authorization;
    if (!header) return false;
    return req.faults.has('any-authorization-accepted') || normalizeAuthorization(header) === expected;
  }

  /** A session the request may see, or why not. Without a tenant only the `tenant-optional` fault gets here: an admin sees all. */
  function lookup(req: Req, state: G4State, kind: 'read' | 'write' | 'delete'): { session: StoredSession } | { missing: Missing } {
    purgeExpired(req, state);
    const tenant = tenantOf(req);
    const s = state.sessions.get(req.params.id ?? '');
    if (!s) {
      const gone = state.gone.get(req.params.id ?? '');
      return { missing: gone && gone.tenant === tenant ? gone.why : 'unknown' };
    }
    if (tenant === undefined || s.tenant === tenant) return { session: s };
    const leak =
      kind === 'delete' ? req.faults.has('cross-tenant-delete')
      : req.faults.has('cross-tenant-leak') || (kind === 'write' && req.faults.has('cross-tenant-write'));
    return leak ? { session: s } : { missing: 'other-tenant' };
  }

  function purgeExpired(req: Req, state: G4State): void {
    if (req.faults.has('no-expiry')) return;
    const now = Date.now();
    for (const s of state.sessions.values()) if (s.expiresAt <= now) remove(state, s, 'expired');
  }

  function remove(state: G4State, s: StoredSession, why: 'deleted' | 'expired'): void {
    state.sessions.delete(s.id);
    state.gone.set(s.id, { tenant: s.tenant, why });
  }

  function missing(req: Req, why: Missing, read: boolean): MockResponse {
    if (read && crashesOnMissing(req, why)) return problem(500, 'An error occurred while processing your request.', { detail: `the ${why} session could not be read` });
    if (why === 'other-tenant' && req.faults.has('other-tenant-403')) return problem(403, 'Forbidden', { detail: 'The session belongs to another tenant.' });
    if (read && req.faults.has('missing-session-204')) return { status: 204 };
    if (read && req.faults.has('missing-session-410')) return problem(410, 'Gone');
    return problem(404, 'Not Found');
  }

  /** The faults of a read that crashes on a missing session instead of refusing it. */
  function crashesOnMissing(req: Req, why: Missing): boolean {
    const statically = STATIC_PATH.test(req.path);
    const f = req.faults;
    if (why === 'deleted') return f.has('deleted-session-500') || (statically && f.has('deleted-static-500'));
    if (why === 'expired') return f.has('expired-session-500') || (statically && f.has('expired-static-500'));
    return why === 'other-tenant' && f.has('other-tenant-500');
  }

  function sessionView(s: StoredSession, data: unknown): MockResponse {
    return json(200, { bearer: s.bearer, userId: USER_ID, data: data ?? null });
  }

  function createAnswer(req: Req, state: G4State): MockResponse {
    const parsed = readJson(req);
    if (!parsed.ok) return parsed.answer;
    const body = parsed.value;
    if (!isPlainObject(body)) return validationProblem('request', 'The request field is required.');
    for (const field of ['username', 'password'] as const) {
      if (typeof body[field] !== 'string' || !body[field]) return validationProblem(field, `The ${field} field is required.`);
    }
    const valid = body.username === options.username && body.password === options.password;
    const open = () => {
      let data: unknown = req.faults.has('create-data-dropped') ? null : (body.data ?? null);
      if (req.faults.has('nulls-dropped')) data = dropNullMembers(data);
      const s: StoredSession = {
        id: randomUUID(), tenant: tenantOf(req), bearer: randomBytes(24).toString('base64url'),
        data, createdData: data, expiresAt: Date.now() + options.ttlMs,
      };
      state.sessions.set(s.id, s);
      return s;
    };
    const answer: Record<string, unknown> = {
      validCredentials: false, accessAllowed: false, sessionId: null, userId: null, username: null, fullname: null,
      email: null, bearer: null, claims: null, roles: null, profiles: null, version: MOCK_VERSION,
    };
    if (valid && !req.faults.has('create-access-denied')) {
      const s = open();
      Object.assign(answer, {
        validCredentials: true, accessAllowed: true, sessionId: s.id, userId: USER_ID, username: options.username,
        fullname: 'Conformance Mock User', email: options.username.includes('@') ? options.username : null,
        bearer: s.bearer, claims: ['session'], roles: ['user'], profiles: [],
      });
    } else if (valid) {
      Object.assign(answer, { validCredentials: true, userId: USER_ID, username: options.username });
    } else if (req.faults.has('wrong-credentials-session')) {
      answer.sessionId = open().id;
    }
    if (req.faults.has('version-missing')) delete answer.version;
    return json(200, answer);
  }

  type G4Route = RouteOf<G4State, typeof g4Faults>;
  /** A route of one session of the request's tenant: a missing one is answered as such (a read may crash on it, by fault). */
  const sessionRoute = (
    method: string,
    pattern: RegExp,
    operationId: string,
    kind: 'read' | 'write' | 'delete',
    handle: (req: Req, state: G4State, s: StoredSession) => MockResponse,
  ): G4Route => ({
    method,
    pattern,
    operationId,
    handle: (req, state) => {
      const found = lookup(req, state, kind);
      return 'missing' in found ? missing(req, found.missing, kind === 'read') : handle(req, state, found.session);
    },
  });

  const routes: G4Route[] = [
    {
      method: 'POST',
      pattern: /^\/session$/,
      operationId: 'createSession',
      handle: (req, state) => createAnswer(req, state),
    },
    sessionRoute('GET', SESSION_PATH, 'getSession', 'read', (req, state, s) => {
      // The sliding TTL: every read through /session starts a new window.
      if (!req.faults.has('get-does-not-slide')) s.expiresAt = Date.now() + options.ttlMs;
      return sessionView(s, s.data);
    }),
    sessionRoute('GET', STATIC_PATH, 'getStaticSession', 'read', (req, state, s) => {
      if (req.faults.has('static-read-refreshes-ttl')) s.expiresAt = Date.now() + options.ttlMs;
      return sessionView(s, req.faults.has('static-stale-data') ? s.createdData : s.data);
    }),
    sessionRoute('PUT', SESSION_PATH, 'updateSessionData', 'write', (req, state, s) => {
      const parsed = readJson(req);
      if (!parsed.ok) return parsed.answer;
      let data = parsed.value;
      if (req.faults.has('put-merges') && isPlainObject(s.data) && isPlainObject(data)) data = { ...s.data, ...data };
      if (req.faults.has('nulls-dropped')) data = dropNullMembers(data);
      s.data = data;
      return { status: 200 };
    }),
    sessionRoute('DELETE', SESSION_PATH, 'deleteSession', 'delete', (req, state, s) => {
      if (req.faults.has('delete-noop')) return { status: 200 };
      let victim = s;
      if (req.faults.has('delete-wrong-session')) {
        victim = [...state.sessions.values()].filter((x) => x.tenant === s.tenant).pop() ?? s;
      }
      remove(state, victim, 'deleted');
      return { status: 200 };
    }),
  ];

  return {
    contract: g4Contract.openapi,
    faults: g4Faults,
    newState: () => ({ sessions: new Map(), gone: new Map() }),

    before(req) {
      // ASP.NET authenticates before model binding: a missing Authorization is a 401 even without a tenant.
      if (!authorized(req)) return { status: 401, headers: { 'www-authenticate': 'Bearer' } };
      const tenant = tenantOf(req);
      if (tenant === undefined) {
        return req.faults.has('tenant-optional') ? undefined : validationProblem('x-g4-tenant', 'The x-g4-tenant field is required.');
      }
      if (!options.tenants.includes(tenant)) return problem(400, 'G4 error', { detail: `unknown tenant ${tenant}` }, { 'x-g4-error': `unknown tenant: ${tenant}` });
      return undefined;
    },

    notFound: () => ({ status: 404 }),

    routes,
  };
}

