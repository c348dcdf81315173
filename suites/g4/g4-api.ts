import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import type { Cleanup } from '../../harness/fixtures/cleanup';
import { ResourceTracker } from '../../harness/fixtures/tracker';
import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../harness/http/contract-client';
import type { G4Settings } from './provider';

export const TENANT_HEADER = 'x-g4-tenant';

/** The media types the seed lists for request bodies (`application/*+json` stands for any `+json` type). */
export const REQUEST_CONTENT_TYPES = ['application/json-patch+json', 'application/json', 'text/json', 'application/vnd.session-conformance+json'] as const;

export interface CreateSessionBody {
  username: string;
  password: string;
  data?: unknown;
}

export interface AuthenticatedSession {
  validCredentials: boolean;
  accessAllowed: boolean;
  sessionId: string | null;
}

export interface SessionView {
  bearer: string;
  userId: number;
  data: unknown;
}

/** A session the test opened, with the times that bound when the server started its TTL. */
export interface OpenedSession {
  readonly id: string;
  readonly data: unknown;
  /** Our clock just before the create was sent, and just after its answer came: the server's create lies between. */
  readonly sentAt: number;
  readonly receivedAt: number;
}

export interface CallOptions extends Omit<SendOptions, 'pathParams' | 'json'> {
  /** The `x-g4-tenant` value: the configured tenant by default, another one, or `null` to send none. */
  readonly tenant?: string | null;
}

/** `Authorization: <the whole configured value>`, as G4_AUTHORIZATION gives it. */
export function authorizationCredentials(value: string | undefined): Credentials {
  return {
    apply(req) {
      if (value) req.headers.authorization = value;
    },
  };
}

/** An Authorization of the same form nobody issued: the scheme word kept, the credential replaced. */
export function wrongAuthorization(value: string | undefined): Credentials {
  const scheme = /^(\S+)\s+\S/.exec(value ?? '')?.[1];
  const bogus = `wrong-${RUN_ID}-${randomBytes(6).toString('hex')}`;
  return authorizationCredentials(scheme ? `${scheme} ${bogus}` : bogus);
}

/** Session data that names this run, so anything the run leaves behind is recognisably ours. */
export function runData(label: string): { 'session-conformance': string; label: string; nonce: string } {
  return { 'session-conformance': RUN_ID, label, nonce: randomBytes(6).toString('hex') };
}

/** A value as it goes over the wire: JSON.stringify then parse (JSON has no -0, no undefined). */
export function asSent(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * The G4 session operations, sent through the checking client with the tenant header and
 * `Accept: application/json`. Every session a create opens is registered for deletion after the test. It sends
 * and tracks; the checks are the specs' (suites/g4/steps.ts).
 */
export class G4Api {
  private readonly sessions: ResourceTracker;

  constructor(
    readonly client: ContractClient,
    cleanup: Cleanup,
    readonly settings: G4Settings,
  ) {
    this.sessions = new ResourceTracker(cleanup, 'g4 session');
  }

  /** The same API, registering what it creates with another cleanup (one property iteration's). */
  withCleanup(cleanup: Cleanup): G4Api {
    return new G4Api(this.client, cleanup, this.settings);
  }

  /** The configured valid credentials, with data. */
  credentials(data?: unknown): CreateSessionBody {
    return { username: this.settings.username, password: this.settings.password, ...(data === undefined ? {} : { data }) };
  }

  async create(body: CreateSessionBody, options: CallOptions = {}): Promise<ApiResponse> {
    const send = this.options(options, { 'x-g4-application': 'session-conformance' });
    return this.client.send('createSession', { ...send, json: body, onAnswer: (r) => this.track(r, this.tenantOf(options)) });
  }

  get(id: string, options: CallOptions = {}): Promise<ApiResponse> {
    return this.client.send('getSession', { ...this.options(options), pathParams: { id } });
  }

  getStatic(id: string, options: CallOptions = {}): Promise<ApiResponse> {
    return this.client.send('getStaticSession', { ...this.options(options), pathParams: { id } });
  }

  /** PUT of the data as JSON, under `contentType` (application/json by default). */
  put(id: string, data: unknown, options: CallOptions & { contentType?: string } = {}): Promise<ApiResponse> {
    const { contentType, ...rest } = options;
    const send = this.options(rest, contentType ? { 'content-type': contentType } : {});
    return this.client.send('updateSessionData', { ...send, pathParams: { id }, json: data });
  }

  async delete(id: string, options: CallOptions = {}): Promise<ApiResponse> {
    const res = await this.client.send('deleteSession', { ...this.options(options), pathParams: { id } });
    if (res.status === 200 && options.auth === undefined) this.sessions.removed(sessionKey(this.tenantOf(options), id));
    return res;
  }

  private tenantOf(options: CallOptions): string | null {
    return options.tenant === undefined ? this.settings.tenant : options.tenant;
  }

  private options(options: CallOptions, extraHeaders: Record<string, string> = {}): SendOptions {
    const { tenant: _tenant, headers, ...rest } = options;
    const tenant = this.tenantOf(options);
    return {
      ...rest,
      headers: { accept: 'application/json', ...(tenant === null ? {} : { [TENANT_HEADER]: tenant }), ...extraHeaders, ...(headers ?? {}) },
    };
  }

  /** Registers any session a create answered with (even one a refused request should not have opened), for deletion in its tenant. */
  private track(res: ApiResponse, tenant: string | null): void {
    const id = (res.json as Partial<AuthenticatedSession> | undefined)?.sessionId;
    if (typeof id !== 'string' || !id) return;
    this.sessions.created(sessionKey(tenant, id), () =>
      this.client.raw('DELETE', `/session/${encodeURIComponent(id)}`, {
        headers: { accept: 'application/json', ...(tenant === null ? {} : { [TENANT_HEADER]: tenant }) },
      }),
    );
  }
}

/** A session is known by its tenant and id. */
function sessionKey(tenant: string | null, id: string): string {
  return `${tenant ?? '(no tenant)'}/${id}`;
}
