import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import type { Cleanup } from '../../harness/fixtures/cleanup';
import { ResourceTracker, type UndoAnswer } from '../../harness/fixtures/tracker';
import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../harness/http/contract-client';
import { TargetClock } from '../../harness/time/clock';

/** The two forms every Etherpad function has since 1.8. */
export type Form = 'GET' | 'POST';
export const FORMS: readonly Form[] = ['GET', 'POST'];

/** Where a POST puts its parameters: the query (as the seed declares them), a form body or a JSON body. */
export type Placement = 'query' | 'form' | 'json';

export type SessionFunction = 'createSession' | 'getSessionInfo' | 'deleteSession' | 'listSessionsOfGroup' | 'listSessionsOfAuthor';

export type Params = Record<string, string | number | undefined>;

/** An answer, with its envelope taken apart. */
export interface Answer {
  readonly fn: string;
  readonly form: Form;
  readonly status: number;
  /** The envelope's code, or undefined when the body is no envelope. */
  readonly code: number | undefined;
  readonly message: unknown;
  readonly data: unknown;
  readonly res: ApiResponse;
}

export interface CallOptions {
  /** POST only: where the parameters go (default: the query). */
  readonly placement?: Placement;
  /** Query parameters sent besides the placed ones (to test which one wins). */
  readonly query?: Params;
  /** POST only: a body sent as it is, with `contentType`. */
  readonly rawBody?: string;
  readonly contentType?: string;
  /** `false`: no apikey; a Credentials object: another key. */
  readonly auth?: boolean | Credentials;
}

/** A group and an author made for one test: nothing else is ever touched. */
export type World = {
  readonly groupID: string;
  readonly authorID: string;
};

/** Etherpad's key goes in the query parameter `apikey` (securitySchemes.ApiKey). */
export function keyCredentials(apiKey: string): Credentials {
  return { apply: (req) => void (req.query.apikey = apiKey) };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An id in Etherpad's format (`g.`/`a.`/`s.` + 16 characters) that no server has handed out. */
export function unknownId(prefix: 'g.' | 'a.' | 's.'): string {
  return prefix + [...randomBytes(16)].map((b) => ALNUM[b % ALNUM.length]).join('');
}

/** The session record of a getSessionInfo answer: `data.info` as the seed models it, else `data` as http_api.md shows it. */
export function sessionRecord(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const info = (data as { info?: unknown }).info;
  return typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : (data as Record<string, unknown>);
}

/** The sessionIDs of a listSessionsOf* answer (a map sessionID → record, or null when there is none). */
export function listedIds(data: unknown): string[] {
  return typeof data === 'object' && data !== null ? Object.keys(data).sort() : [];
}

function asStrings(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = String(v);
  return out;
}

function defined(params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

/** A cleanup call: "does not exist" (code 1) means the thing is already gone, which is the aim. */
function undoFailed(answer: UndoAnswer): boolean {
  let code: unknown;
  try {
    code = (JSON.parse(answer.text) as { code?: unknown } | null)?.code;
  } catch {
    return true;
  }
  return code !== 0 && code !== 1;
}

/**
 * The Etherpad session functions, sent through the checking client (whose per-answer checks include the seed's
 * code/status pairs). Every Date header feeds the target clock, and every session a create answers with is
 * registered for deleteSession after the test (never deleteGroup alone: Etherpad 1.8.14 corrupts author indexes
 * when it deletes a group's sessions). It sends and tracks; the checks are the specs' (suites/etherpad/steps.ts).
 */
export class EtherpadApi {
  private readonly sessions: ResourceTracker;
  private readonly groups: ResourceTracker;

  constructor(
    readonly client: ContractClient,
    cleanup: Cleanup,
    /** The target's clock; an API made for one property iteration shares the test's. */
    readonly clock: TargetClock = new TargetClock(),
  ) {
    this.sessions = new ResourceTracker(cleanup, 'etherpad session', undoFailed);
    this.groups = new ResourceTracker(cleanup, 'etherpad group', undoFailed);
  }

  /** The same API, registering what it creates with another cleanup (one property iteration's). */
  withCleanup(cleanup: Cleanup): EtherpadApi {
    return new EtherpadApi(this.client, cleanup, this.clock);
  }

  async call(fn: SessionFunction, form: Form, params: Params = {}, options: CallOptions = {}): Promise<Answer> {
    const send: { -readonly [K in keyof SendOptions]: SendOptions[K] } = { auth: options.auth };
    const placement = form === 'GET' ? 'query' : options.placement ?? 'query';
    if (options.rawBody !== undefined) {
      send.query = { ...options.query, ...params };
      send.rawBody = options.rawBody;
      send.headers = options.contentType ? { 'content-type': options.contentType } : {};
    } else if (placement === 'query') {
      send.query = { ...options.query, ...params };
    } else if (placement === 'form') {
      send.query = options.query;
      send.form = asStrings(params);
    } else {
      send.query = options.query;
      send.json = defined(params);
    }
    send.onAnswer = (r) => this.track(fn, params, r);
    return this.send(`${fn}Using${form}`, fn, form, send);
  }

  /** createGroup; the group it answers is deleted after the test. */
  createGroup(): Promise<Answer> {
    return this.send('createGroupUsingGET', 'createGroup', 'GET', {
      onAnswer: (r) => {
        const made = (r.json as { code?: unknown; data?: { groupID?: unknown } | null } | undefined);
        const id = made?.code === 0 ? made.data?.groupID : undefined;
        if (typeof id === 'string') this.groups.created(id, () => this.client.raw('GET', '/deleteGroup', { query: { groupID: id } }));
      },
    });
  }

  /** createAuthor, named after the run (authors cannot be deleted). */
  createAuthor(label: string): Promise<Answer> {
    return this.send('createAuthorUsingGET', 'createAuthor', 'GET', { query: { name: `session-conformance ${RUN_ID} ${label}` } });
  }

  /** deleteGroup through the contract (the test itself deletes the group, so its cleanup step goes). */
  async deleteGroup(groupID: string): Promise<Answer> {
    const a = await this.send('deleteGroupUsingGET', 'deleteGroup', 'GET', { query: { groupID } });
    if (a.code === 0) this.groups.removed(groupID);
    return a;
  }

  /** A validUntil this many seconds after the target's now (an hour by default). */
  validUntilIn(seconds = 3600): number {
    return Math.floor(this.clock.now() / 1000) + seconds;
  }

  private async send(operationId: string, fn: string, form: Form, options: SendOptions): Promise<Answer> {
    // Every function has a GET form, creates included: those must never be repeated after a 429.
    const res = await this.client.send(operationId, { ...options, idempotent: !fn.startsWith('create') });
    const receivedAt = Date.now();
    this.clock.observe(res.headers.date, receivedAt - res.exchange.durationMs, receivedAt);
    const envelope = typeof res.json === 'object' && res.json !== null ? (res.json as Record<string, unknown>) : {};
    const code = typeof envelope.code === 'number' ? envelope.code : undefined;
    return { fn, form, status: res.status, code, message: envelope.message, data: envelope.data, res };
  }

  /** Sessions a create answered with are deleted after the test; one the test deleted is forgotten. */
  private track(fn: SessionFunction, params: Params, res: ApiResponse): void {
    const a = (typeof res.json === 'object' && res.json !== null ? res.json : {}) as { code?: unknown; data?: unknown };
    if (a.code !== 0) return;
    if (fn === 'createSession') {
      const sessionID = (a.data as { sessionID?: unknown } | null)?.sessionID;
      if (typeof sessionID !== 'string' || !sessionID) return;
      this.sessions.created(sessionID, () => this.client.raw('GET', '/deleteSession', { query: { sessionID } }));
    } else if (fn === 'deleteSession' && typeof params.sessionID === 'string') {
      this.sessions.removed(params.sessionID);
    }
  }
}
