import { randomBytes, randomUUID } from 'node:crypto';
import { coviuContract } from '../../contracts/coviu';
import { SchemaRegistry } from '../../harness/contract/schemas';
import type { MockOf, MockResponse, RequestOf, RouteOf } from '../core/mock-server';
import { coviuFaults } from './faults';

interface SessionRecord {
  readonly session_id: string;
  session_name: string | null;
  picture: string | null;
  startMs: number;
  endMs: number;
  canceledMs: number | null;
  feature_flags: string[];
  /** Participants linked to the session, in the order they were added. */
  participantIds: string[];
}

interface ParticipantRecord {
  readonly participant_id: string;
  readonly session_id: string;
  display_name: string | null;
  role: string;
  picture: string | null;
  state: string | null;
  deletedMs: number | null;
}

interface CoviuState {
  /** Insertion order is creation order. */
  readonly sessions: Map<string, SessionRecord>;
  readonly participants: Map<string, ParticipantRecord>;
  /** Access token → expiry (ms since the epoch). */
  readonly tokens: Map<string, number>;
}

export interface CoviuMockOptions {
  /** The client credentials the token endpoint accepts (HTTP Basic). */
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Lifetime of an access token, short so a run shows the suite renewing it. */
  readonly tokenTtlS: number;
}

const TEAM_ID = '7c1c5a5e-3f0a-4d55-9a37-0d6f1e2b9a01';
const CLIENT_ID = '1f3b0c2d-8e4a-4b6f-a1d2-5c9e7f3a2b10';
const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 200;
const ID = '(?<id>[^/]+)';

const SCHEMA = (name: string) => `https://session-conformance.dev/schemas/coviu/${name}.schema.json`;

type Answer = MockResponse;

/** A JSON answer. */
function reply(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

const refuse = (req: Req, status: number, message: string): Answer => reply(status, { error: 'bad_request', message });

function unknown(req: Req, what: string, id: string): Answer {
  if (req.faults.has('unknown-id-500')) return reply(500, { error: 'internal', message: 'Internal Server Error' });
  return reply(404, { error: 'not_found', message: `no ${what} ${id}` });
}

/** A JSON body that validates against a request schema of the contract, or the 400 that says why not. */
function body<T>(req: Req, schema: string): { ok: true; value: T } | { ok: false; answer: Answer } {
  let value: unknown;
  try {
    value = JSON.parse(req.body || 'null');
  } catch {
    return { ok: false, answer: refuse(req, 400, 'body is not JSON') };
  }
  const check = SchemaRegistry.get().validate(SCHEMA(schema), value);
  if (!check.valid) return { ok: false, answer: refuse(req, 400, `invalid ${schema}: ${check.errors.join('; ')}`) };
  return { ok: true, value: value as T };
}

/** Roles are not case sensitive and answered in upper case; guest when absent. */
function role(req: Req, given: string | undefined): string | undefined {
  if (given === undefined) return 'GUEST';
  if (!/^(host|guest)$/i.test(given)) return undefined;
  return req.faults.has('role-echoed-as-sent') ? given : given.toUpperCase();
}

const iso = (ms: number) => new Date(ms).toISOString();
const started = (s: SessionRecord, now: number) => now >= s.startMs;
const finished = (s: SessionRecord, now: number) => now >= s.endMs;

function participantView(p: ParticipantRecord): Record<string, unknown> {
  return {
    participant_id: p.participant_id,
    session_id: p.session_id,
    client_id: CLIENT_ID,
    display_name: p.display_name,
    role: p.role,
    picture: p.picture,
    state: p.state,
    deleted_at: p.deletedMs === null ? null : iso(p.deletedMs),
    coviu_user_id: null,
    entry_url: `https://coviu.invalid/session/${p.participant_id}`,
  };
}

/** Participants a view shows: canceled ones only when asked for with deleted_participants=true. */
function visibleParticipants(req: Req, state: CoviuState, s: SessionRecord): ParticipantRecord[] {
  const includeDeleted = flag(req, 'deleted_participants');
  if (req.faults.has('participants-vanish-at-start') && started(s, Date.now())) return [];
  const all = s.participantIds.map((id) => state.participants.get(id)!);
  if (req.faults.has('canceled-participant-listed')) return all;
  if (req.faults.has('deleted-participants-ignored') || !includeDeleted) return all.filter((p) => p.deletedMs === null);
  return all;
}

function sessionView(req: Req, state: CoviuState, s: SessionRecord): Record<string, unknown> {
  return {
    feature_flags: s.feature_flags,
    session_id: s.session_id,
    team_id: TEAM_ID,
    client_id: CLIENT_ID,
    participants: visibleParticipants(req, state, s).map(participantView),
    picture: s.picture,
    start_time: req.faults.has('start-time-not-date') ? s.startMs : iso(s.startMs),
    end_time: iso(s.endMs),
    canceled_time: s.canceledMs === null || req.faults.has('canceled-time-missing') ? null : iso(s.canceledMs),
    session_name: s.session_name,
  };
}

function flag(req: Req, name: string): boolean {
  return req.query.get(name)?.toLowerCase() === 'true';
}

function intParam(req: Req, name: string, fallback: number, min: number): number | undefined {
  const v = req.query.get(name);
  if (v === null || v === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? n : undefined;
}

function timeParam(req: Req, name: string): number | null | undefined {
  const v = req.query.get(name);
  if (v === null || v === '') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Requests as this mock's routes see them: its faults by name. */
type Req = RequestOf<typeof coviuFaults>;

/** A stateful Coviu sessions API with its token endpoint, on the real clock. */
export function coviuMock(options: CoviuMockOptions): MockOf<CoviuState, typeof coviuFaults> {
  const session = (state: CoviuState, id: string) => state.sessions.get(id);

  function addParticipantRecord(req: Req, state: CoviuState, s: SessionRecord, p: ParticipantFields, link: boolean): ParticipantRecord {
    const record: ParticipantRecord = {
      participant_id: randomUUID(),
      session_id: s.session_id,
      display_name: p.display_name ?? null,
      role: role(req, p.role)!,
      picture: p.picture ?? null,
      state: p.state ?? null,
      deletedMs: null,
    };
    state.participants.set(record.participant_id, record);
    if (link) s.participantIds.push(record.participant_id);
    return record;
  }

  type CoviuRoute = RouteOf<CoviuState, typeof coviuFaults>;
  /** A route of one session (`/sessions/{id}<suffix>`): an unknown id is answered as such. */
  const sessionRoute = (method: string, suffix: string, operationId: string, handle: (req: Req, state: CoviuState, s: SessionRecord) => Answer): CoviuRoute => ({
    method,
    pattern: new RegExp(`^/sessions/${ID}${suffix}$`),
    operationId,
    handle: (req, state) => {
      const s = session(state, req.params.id!);
      return s ? handle(req, state, s) : unknown(req, 'session', req.params.id!);
    },
  });
  /** A route of one participant (`/participants/{id}`): an unknown id is answered as such. */
  const participantRoute = (method: string, operationId: string, handle: (req: Req, state: CoviuState, p: ParticipantRecord) => Answer): CoviuRoute => ({
    method,
    pattern: new RegExp(`^/participants/${ID}$`),
    operationId,
    handle: (req, state) => {
      const p = state.participants.get(req.params.id!);
      return p ? handle(req, state, p) : unknown(req, 'participant', req.params.id!);
    },
  });

  const routes: CoviuRoute[] = [
    {
      method: 'POST',
      pattern: /^\/auth\/token$/,
      operationId: 'requestToken',
      handle(req, state) {
        const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const [key, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s) : [];
        const clientOk = key === options.apiKey && (secret === options.apiSecret || req.faults.has('token-any-secret'));
        if (!clientOk) return reply(401, { error: 'invalid_client', error_description: 'client authentication failed' }, { 'www-authenticate': 'Basic realm="coviu"' });
        const form = new URLSearchParams(req.body);
        if (form.get('grant_type') !== 'client_credentials') {
          return reply(400, { error: 'unsupported_grant_type', error_description: `grant_type ${form.get('grant_type') ?? '(none)'}` });
        }
        const now = Date.now();
        for (const [t, expires] of state.tokens) if (expires <= now) state.tokens.delete(t);
        const token = randomBytes(24).toString('hex');
        state.tokens.set(token, now + options.tokenTtlS * 1_000);
        return reply(200, {
          access_token: token,
          token_type: req.faults.has('token-type-mac') ? 'mac' : 'Bearer',
          expires_in: options.tokenTtlS,
          refresh_token: randomBytes(24).toString('hex'),
          scope: null,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/sessions$/,
      operationId: 'getSessionPage',
      handle(req, state) {
        const page = intParam(req, 'page', 0, 0);
        const asked = intParam(req, 'page_size', req.faults.has('default-page-size-5') ? 5 : DEFAULT_PAGE_SIZE, 1);
        const from = timeParam(req, 'start_time');
        const to = timeParam(req, 'end_time');
        if (page === undefined || asked === undefined || from === undefined || to === undefined) {
          return refuse(req, 400, 'page, page_size, start_time or end_time is malformed');
        }
        const size = req.faults.has('page-size-uncapped') ? asked : Math.min(asked, MAX_PAGE_SIZE);
        const windowed = from !== null || to !== null;
        const stateValue = req.query.get('state');
        let list = [...state.sessions.values()];
        if (!flag(req, 'include_canceled') || req.faults.has('include-canceled-ignored')) list = list.filter((s) => s.canceledMs === null);
        if (windowed) {
          const key = (s: SessionRecord) => (req.faults.has('window-filters-on-end') ? s.endMs : s.startMs);
          const beforeEnd = (t: number) => to === null || (req.faults.has('window-end-exclusive') ? t < to : t <= to);
          list = list.filter((s) => (from === null || key(s) >= from) && beforeEnd(key(s)));
        }
        if (stateValue !== null && !req.faults.has('state-filter-ignored')) {
          list = list.filter((s) => s.participantIds.some((id) => {
            const p = state.participants.get(id)!;
            return p.deletedMs === null && p.state === stateValue;
          }));
        }
        // Creation order unless filtered by time; sort is stable, so equal starts keep their creation order.
        const byStart = windowed ? !req.faults.has('window-ordered-by-creation') : req.faults.has('default-order-by-start');
        if (byStart) list.sort((a, b) => a.startMs - b.startMs);
        const order = req.query.get('order')?.toLowerCase();
        if (order === 'reverse' || order === 'backwards') list.reverse();
        const first = page * size - (req.faults.has('pages-overlap') && page > 0 ? 1 : 0);
        const content = list.slice(first, first + size);
        const more = req.faults.has('more-on-full-last-page') ? content.length === size : (page + 1) * size < list.length;
        return reply(200, {
          page,
          page_size: size,
          page_count: Math.ceil(list.length / size),
          more,
          content: content.map((s) => sessionView(req, state, s)),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/sessions$/,
      operationId: 'createSession',
      handle(req, state) {
        const parsed = body<SessionFields & { start_time: string; end_time: string; participants?: ParticipantFields[]; feature_flags?: string[] }>(req, 'SessionCreationRequest');
        if (!parsed.ok) return parsed.answer;
        const b = parsed.value;
        const now = Date.now();
        const startMs = Date.parse(b.start_time);
        const endMs = Date.parse(b.end_time);
        if ((b.participants ?? []).some((p) => role(req, p.role) === undefined)) return refuse(req, 400, 'role must be host or guest');
        const record: SessionRecord = {
          session_id: randomUUID(),
          session_name: b.session_name ?? null,
          picture: b.picture ?? null,
          startMs,
          endMs,
          canceledMs: null,
          feature_flags: b.feature_flags ?? [],
          participantIds: [],
        };
        if (startMs <= now && !req.faults.has('past-start-accepted')) {
          if (req.faults.has('refused-create-stored')) state.sessions.set(record.session_id, record);
          return refuse(req, 400, 'the session start time must be in the future');
        }
        if (endMs <= startMs && !req.faults.has('end-before-start-accepted')) return refuse(req, 400, 'the session end time must be after the start time');
        state.sessions.set(record.session_id, record);
        if (!req.faults.has('create-drops-participants')) for (const p of b.participants ?? []) addParticipantRecord(req, state, record, p, true);
        return reply(req.faults.has('create-answers-201') ? 201 : 200, sessionView(req, state, record));
      },
    },
    sessionRoute('GET', '', 'getSessionById', (req, state, found) => {
      const s = req.faults.has('get-returns-oldest') ? state.sessions.values().next().value! : found;
      return reply(200, sessionView(req, state, s));
    }),
    sessionRoute('PUT', '', 'updateSession', (req, state, s) => {
      const parsed = body<SessionFields & { start_time?: string; end_time?: string }>(req, 'SessionUpdateRequest');
      if (!parsed.ok) return parsed.answer;
      const b = parsed.value;
      const now = Date.now();
      if (s.canceledMs !== null && !req.faults.has('canceled-takes-updates')) return refuse(req, 409, 'a canceled session takes no updates');
      if (finished(s, now) && !req.faults.has('finished-takes-updates')) return refuse(req, 409, 'a finished session may not be changed');
      const startMs = b.start_time === undefined ? s.startMs : Date.parse(b.start_time);
      const endMs = b.end_time === undefined ? s.endMs : Date.parse(b.end_time);
      if (startMs !== s.startMs && startMs <= now) return refuse(req, 400, 'the session start time must be in the future');
      if (endMs <= startMs && !req.faults.has('update-allows-end-before-start')) return refuse(req, 400, 'the session end time must be after the start time');
      const next: SessionRecord = {
        ...s,
        startMs,
        endMs,
        session_name: b.session_name === undefined ? s.session_name : b.session_name,
        picture: b.picture === undefined ? s.picture : b.picture,
        participantIds: s.participantIds,
      };
      if (!req.faults.has('update-not-persisted')) state.sessions.set(s.session_id, next);
      return reply(200, sessionView(req, state, next));
    }),
    sessionRoute('DELETE', '', 'deleteSession', (req, state, s) => {
      const now = Date.now();
      if (s.canceledMs !== null) {
        if (!req.faults.has('recancel-uncancels')) return refuse(req, 409, 'the session is canceled already');
        s.canceledMs = null;
        return reply(200, { ok: true });
      }
      if (started(s, now) && !req.faults.has('cancel-after-start')) return refuse(req, 409, 'a session that has already started may not be canceled');
      if (!req.faults.has('cancel-noop')) s.canceledMs = now;
      return reply(200, { ok: true });
    }),
    sessionRoute('GET', '/participants', 'getSessionParticipants', (req, state, s) => {
      const content = visibleParticipants(req, state, s).map(participantView);
      return reply(200, { page: 0, page_size: content.length, page_count: 1, more: false, content });
    }),
    sessionRoute('POST', '/participants', 'addSessionParticipant', (req, state, s) => {
      const parsed = body<ParticipantFields>(req, 'ParticipantCreationRequest');
      if (!parsed.ok) return parsed.answer;
      if (role(req, parsed.value.role) === undefined) return refuse(req, 400, 'role must be host or guest');
      const now = Date.now();
      if (s.canceledMs !== null && !req.faults.has('canceled-takes-participants')) return refuse(req, 409, 'the session is canceled');
      if (finished(s, now)) {
        if (!req.faults.has('finished-takes-participants')) return refuse(req, 409, 'the session has finished');
      } else if (started(s, now) && req.faults.has('started-refuses-participants')) {
        return refuse(req, 409, 'the session has started');
      }
      const p = addParticipantRecord(req, state, s, parsed.value, !req.faults.has('participant-not-in-session'));
      return reply(200, participantView(p));
    }),
    participantRoute('GET', 'getSessionParticipant', (req, state, p) => {
      return reply(200, participantView(p));
    }),
    participantRoute('PUT', 'updateSessionParticipant', (req, state, p) => {
      const parsed = body<ParticipantFields>(req, 'ParticipantUpdateRequest');
      if (!parsed.ok) return parsed.answer;
      const b = parsed.value;
      const s = session(state, p.session_id)!;
      if (p.deletedMs !== null) return refuse(req, 409, 'the participant is canceled');
      if (s.canceledMs !== null) return refuse(req, 409, 'the session is canceled');
      if (finished(s, Date.now())) return refuse(req, 409, 'the session has finished');
      const newRole = b.role === undefined ? p.role : role(req, b.role);
      if (newRole === undefined) return refuse(req, 400, 'role must be host or guest');
      const next: ParticipantRecord = {
        ...p,
        role: newRole,
        display_name: b.display_name === undefined ? p.display_name : b.display_name,
        picture: b.picture === undefined ? p.picture : b.picture,
        state: b.state === undefined ? p.state : b.state,
      };
      if (!req.faults.has('participant-update-ignored')) state.participants.set(p.participant_id, next);
      return reply(200, participantView(next));
    }),
    participantRoute('DELETE', 'deleteSessionParticipant', (req, state, p) => {
      const s = session(state, p.session_id)!;
      if (p.deletedMs !== null) return refuse(req, 409, 'the participant is canceled already');
      if (s.canceledMs !== null && !req.faults.has('canceled-allows-participant-removal')) return refuse(req, 409, 'the session is canceled');
      if (finished(s, Date.now()) && !req.faults.has('finished-allows-participant-cancel')) {
        if (req.faults.has('finished-participant-cancel-purges')) {
          // Refused in words, done in deed and worse: the participant is gone without a trace.
          state.participants.delete(p.participant_id);
          s.participantIds = s.participantIds.filter((id) => id !== p.participant_id);
        }
        return refuse(req, 409, 'the session has finished');
      }
      p.deletedMs = Date.now();
      return reply(200, { ok: true });
    }),
  ];

  return {
    contract: coviuContract.openapi,
    faults: coviuFaults,
    newState: () => ({ sessions: new Map(), participants: new Map(), tokens: new Map() }),

    before(req, state) {
      if (req.path === '/auth/token') return undefined;
      const header = req.headers.authorization;
      if (header === undefined && req.faults.has('no-bearer-served')) return undefined;
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      const expires = token === undefined ? undefined : state.tokens.get(token);
      if (expires !== undefined && expires > Date.now()) return undefined;
      const status = token !== undefined && req.faults.has('bad-bearer-403') ? 403 : 401;
      return {
        status,
        body: { error: 'invalid_token', message: token === undefined ? 'a bearer token is required' : 'the access token is invalid or expired' },
        headers: { 'www-authenticate': 'Bearer realm="coviu", error="invalid_token"' },
      };
    },

    routes,
    notFound: (req) => reply(404, { error: 'not_found', message: `no route ${req.method} ${req.path}` }),
  };
}

interface SessionFields {
  session_name?: string | null;
  picture?: string | null;
}

interface ParticipantFields {
  display_name?: string | null;
  role?: string;
  picture?: string | null;
  state?: string | null;
}
