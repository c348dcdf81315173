import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../harness/http/contract-client';
import type { Cleanup } from '../../harness/fixtures/cleanup';
import { ResourceTracker } from '../../harness/fixtures/tracker';
import type { TargetClock } from '../../harness/time/clock';
import { freshSlot, slotQuery } from './run-window';
import type { Timed } from './timeline';

/** What the suite reads of the wire models (schemas/coviu/ defines them; these are just the fields we use). */
export interface Participant {
  participant_id: string;
  session_id?: string;
  display_name?: string | null;
  role?: string;
  picture?: string | null;
  state?: string | null;
  deleted_at?: string | null;
  entry_url?: string | null;
}

export interface Session {
  session_id: string;
  start_time: string;
  end_time: string;
  session_name?: string | null;
  picture?: string | null;
  canceled_time?: string | null;
  participants?: Participant[];
}

export interface Page<T> {
  more: boolean;
  content: T[];
  page?: number;
  page_size?: number;
  page_count?: number;
}

export interface NewParticipant {
  display_name?: string;
  role?: string;
  picture?: string;
  state?: string;
}

export interface NewSession {
  start_time: string;
  end_time: string;
  session_name?: string;
  picture?: string;
  participants?: NewParticipant[];
}

export interface SessionChanges {
  start_time?: string;
  end_time?: string;
  session_name?: string;
  picture?: string;
}

export interface ListQuery {
  page?: number;
  page_size?: number;
  start_time?: string;
  end_time?: string;
  include_canceled?: boolean;
  deleted_participants?: boolean;
  state?: string;
  order?: string;
}

/** An answer with the local times it was sent and received, for the timing rules. */
export type TimedResponse = ApiResponse & Timed;

/** The sessions of pages read one after another; `refused` is the answer that was no page, when one came. */
export interface Walk {
  readonly sessions: Session[];
  /** Every page was read (up to the last, or until the caller had enough). */
  readonly complete: boolean;
  readonly refused?: TimedResponse;
}

/** The page an answer holds, or undefined when it holds none (the walk stops there; the check says why). */
function pageIn(res: ApiResponse): Page<Session> | undefined {
  const page = res.json as Page<Session> | undefined;
  return res.status === 200 && Array.isArray(page?.content) ? page : undefined;
}

export const is2xx = (status: number) => status >= 200 && status < 300;
export const is4xx = (status: number) => status >= 400 && status < 500;


/**
 * The Coviu operations, sent through the checking client. Every answer feeds the target clock; every session a
 * create answers is canceled after the test (a started one cannot be, which the target answers with a 4xx). It
 * sends and tracks; the checks are the specs' (suites/coviu/steps.ts).
 */
export class CoviuApi {
  private readonly sessions: ResourceTracker;

  constructor(readonly client: ContractClient, cleanup: Cleanup, readonly clock: TargetClock) {
    this.sessions = new ResourceTracker(cleanup, 'coviu session');
  }

  /** The same API, registering what it creates with another cleanup (one property iteration's). */
  withCleanup(cleanup: Cleanup): CoviuApi {
    return new CoviuApi(this.client, cleanup, this.clock);
  }

  private async send(operationId: string, options: SendOptions = {}): Promise<TimedResponse> {
    const res = await this.client.send(operationId, options);
    const receivedAtMs = Date.now();
    const sentAtMs = receivedAtMs - res.exchange.durationMs;
    this.clock.observe(res.headers.date, sentAtMs, receivedAtMs);
    return Object.assign(res, { sentAtMs, receivedAtMs });
  }

  requestToken(auth: Credentials, grantType = 'client_credentials'): Promise<TimedResponse> {
    return this.send('requestToken', { form: { grant_type: grantType }, auth });
  }

  async createSession(body: NewSession, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('createSession', { ...options, json: body, onAnswer: (r) => this.track(r) });
  }

  getSession(id: string, query: { deleted_participants?: boolean } = {}, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('getSessionById', { ...options, pathParams: { session_id: id }, query });
  }

  updateSession(id: string, changes: SessionChanges, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('updateSession', { ...options, pathParams: { session_id: id }, json: changes });
  }

  async cancelSession(id: string, options: SendOptions = {}): Promise<TimedResponse> {
    const res = await this.send('deleteSession', { ...options, pathParams: { session_id: id } });
    if (is2xx(res.status)) this.sessions.removed(id);
    return res;
  }

  listSessions(query: ListQuery = {}, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('getSessionPage', { ...options, query: { ...query } });
  }

  listParticipants(sessionId: string, query: { deleted_participants?: boolean } = {}, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('getSessionParticipants', { ...options, pathParams: { session_id: sessionId }, query });
  }

  addParticipant(sessionId: string, body: NewParticipant, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('addSessionParticipant', { ...options, pathParams: { session_id: sessionId }, json: body });
  }

  getParticipant(id: string, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('getSessionParticipant', { ...options, pathParams: { participant_id: id } });
  }

  updateParticipant(id: string, changes: NewParticipant, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('updateSessionParticipant', { ...options, pathParams: { participant_id: id }, json: changes });
  }

  cancelParticipant(id: string, options: SendOptions = {}): Promise<TimedResponse> {
    return this.send('deleteSessionParticipant', { ...options, pathParams: { participant_id: id } });
  }

  /**
   * The sessions of a query, page after page until the last (or until `enough` says so), bounded by `maxPages`:
   * a live account may hold many.
   */
  async listAll(query: ListQuery, maxPages: number, enough: (sessions: Session[]) => boolean = () => false): Promise<Walk> {
    const sessions: Session[] = [];
    for (let page = 0; page < maxPages; page++) {
      const res = await this.listSessions({ ...query, page });
      const p = pageIn(res);
      if (!p) return { sessions, complete: false, refused: res };
      sessions.push(...p.content);
      if (!p.more || p.content.length === 0 || enough(sessions)) return { sessions, complete: true };
    }
    return { sessions, complete: false };
  }

  /**
   * The newest sessions of an oldest-first query without reading the whole list: page 0, then the pages from the
   * last one (by `page_count`) backwards until `enough`, in list order. Without `page_count`, page after page.
   * The query must not lose sessions while it is read (use include_canceled), so positions only grow.
   */
  async listTail(query: ListQuery, maxPages: number, enough: (sessions: Session[]) => boolean): Promise<Walk> {
    const firstRes = await this.listSessions({ ...query, page: 0 });
    const first = pageIn(firstRes);
    if (!first) return { sessions: [], complete: false, refused: firstRes };
    if (!first.more || enough(first.content)) return { sessions: first.content, complete: true };
    if (typeof first.page_count !== 'number' || first.page_count < 2) return this.listAll(query, maxPages, enough);
    const tail: Session[][] = [];
    for (let page = first.page_count - 1; page >= 1 && tail.length < maxPages; page--) {
      const res = await this.listSessions({ ...query, page });
      const p = pageIn(res);
      if (!p) return { sessions: [...first.content, ...tail.flat()], complete: false, refused: res };
      tail.unshift(p.content);
      if (enough([...first.content, ...tail.flat()])) return { sessions: [...first.content, ...tail.flat()], complete: true };
    }
    return { sessions: [...first.content, ...tail.flat()], complete: tail.length === first.page_count - 1 };
  }

  /** A cheap request (an empty stretch of the run's window) whose Date header sets the target clock. */
  async sampleClock(): Promise<void> {
    await this.listSessions({ ...slotQuery(freshSlot()), page_size: 1 });
  }

  /** Registers a session a create answered with, so it is canceled even when the test fails. */
  private track(res: ApiResponse): void {
    const id = (res.json as { session_id?: unknown } | undefined)?.session_id;
    if (!is2xx(res.status) || typeof id !== 'string' || !id) return;
    // A session that has started, or is canceled already, answers 4xx: nothing left to undo.
    this.sessions.created(id, () => this.client.raw('DELETE', `/sessions/${encodeURIComponent(id)}`));
  }
}

export const idsOf = (sessions: readonly Session[]) => sessions.map((s) => s.session_id);
export const participantIds = (ps: readonly Participant[] | undefined) => (ps ?? []).map((p) => p.participant_id);
