import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../harness/http/contract-client';
import type { Cleanup } from '../../harness/fixtures/cleanup';
import { ResourceTracker } from '../../harness/fixtures/tracker';
import type { HttpTransport } from '../../harness/http/transport';

export interface SessionBody {
  path?: string;
  name?: string;
  type?: string;
  kernel?: { id?: string; name?: string };
}

/** `Authorization: token <t>`, as jupyter_server's docs give it, or `?token=<t>`, which every server reads. */
export function tokenCredentials(token: string | undefined, tokenIn: 'header' | 'query' = 'header'): Credentials {
  return {
    apply(req) {
      if (!token) return;
      if (tokenIn === 'query') req.query.token = token;
      else req.headers.authorization = `token ${token}`;
    },
  };
}

/** A URL and headers carrying the token as the settings say, for requests outside the checking client. */
export function withToken(settings: { token?: string; tokenIn: 'header' | 'query' }, url: string): { url: string; headers: Record<string, string> } {
  if (!settings.token) return { url, headers: {} };
  if (settings.tokenIn === 'header') return { url, headers: { authorization: `token ${settings.token}` } };
  const u = new URL(url);
  u.searchParams.set('token', settings.token);
  return { url: u.toString(), headers: {} };
}

/** The server's default kernelspec (`GET /api/kernelspecs` → `default`), or `python3` when it does not say. */
export async function defaultKernel(settings: { baseUrl: string; token?: string; tokenIn: 'header' | 'query' }, http: HttpTransport, timeoutMs: number): Promise<string> {
  try {
    const res = await http.send({ method: 'GET', ...withToken(settings, `${settings.baseUrl}/api/kernelspecs`), timeoutMs });
    const name = (JSON.parse(res.body.toString('utf8')) as { default?: unknown }).default;
    return typeof name === 'string' && name ? name : 'python3';
  } catch {
    return 'python3';
  }
}

/** A path no other run (and no other test of this run) uses: the run only ever touches its own sessions. */
export function runPath(label: string, ext = '.ipynb'): string {
  return `session-conformance/${RUN_ID}/${label}-${randomBytes(3).toString('hex')}${ext}`;
}

/**
 * The Jupyter sessions operations, sent through the checking client. Every session a create returns
 * is registered for deletion after the test.
 */
export class JupyterApi {
  /**
   * @param kernelName the kernel a test's sessions ask for (the server's default kernelspec): the spec leaves the
   *   kernel out as optional, but some servers need one, and a test about listing or renaming should not stop there
   */
  private readonly sessions: ResourceTracker;

  constructor(readonly client: ContractClient, cleanup: Cleanup, readonly kernelName = 'python3') {
    this.sessions = new ResourceTracker(cleanup, 'jupyter session');
  }

  /** The same API, registering what it creates with another cleanup (one property iteration's). */
  withCleanup(cleanup: Cleanup): JupyterApi {
    return new JupyterApi(this.client, cleanup, this.kernelName);
  }

  list(options?: SendOptions): Promise<ApiResponse> {
    return this.client.send('listSessions', options);
  }

  async create(body: SessionBody | undefined, options: SendOptions = {}): Promise<ApiResponse> {
    const onAnswer = (r: ApiResponse) => this.track(r);
    return this.client.send('createSession', body === undefined ? { ...options, onAnswer } : { ...options, json: body, onAnswer });
  }

  /** A create with a body sent as it is (empty, malformed). */
  async createRaw(rawBody: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('createSession', { ...options, rawBody, headers: { 'content-type': 'application/json', ...(options.headers ?? {}) }, onAnswer: (r) => this.track(r) });
  }

  get(id: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('getSession', { ...options, pathParams: { session: id } });
  }

  patch(id: string, body: SessionBody | undefined, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('updateSession', {
      ...options,
      pathParams: { session: id },
      ...(body === undefined ? { headers: { 'content-type': 'application/json' }, rawBody: '' } : { json: body }),
    });
  }

  async delete(id: string, options: SendOptions = {}): Promise<ApiResponse> {
    const res = await this.client.send('deleteSession', { ...options, pathParams: { session: id } });
    if (res.status === 204) this.sessions.removed(id);
    return res;
  }

  /** Registers any session a create answered with, so it is deleted even if the test fails. */
  private track(res: ApiResponse): void {
    const id = (res.json as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) return;
    this.sessions.created(id, () => this.client.raw('DELETE', `/api/sessions/${id}`));
  }
}
