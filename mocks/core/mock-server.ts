import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Contract } from '../../harness/contract/openapi';
import { SchemaRegistry } from '../../harness/contract/schemas';
import { FaultSet, type FaultCatalogue, type FaultName } from './faults';

export interface MockRequest<N extends string = string> {
  readonly method: string;
  /** Path below the mount point (the fault prefix removed). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** Path parameters of the matched route. */
  readonly params: Record<string, string>;
  /** The prefix the request came in under (`/__fault/x` or ''), for Location headers. */
  readonly mount: string;
  readonly faults: FaultSet<N>;
}

/** The requests of a mock whose fault catalogue is `C` (`typeof jupyterFaults`): a misspelt fault is a compile error. */
export type RequestOf<C> = MockRequest<FaultName<C>>;

export interface MockResponse {
  readonly status: number;
  readonly body?: unknown;
  /** A body sent as it is, with the given content type (for faults that break JSON). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

export interface Route<S, N extends string = string> {
  readonly method: string;
  readonly pattern: RegExp;
  /** Contract operation the route implements: its answers are validated against the contract when no fault is on. */
  readonly operationId?: string;
  handle(req: MockRequest<N>, state: S): MockResponse | Promise<MockResponse>;
}

/** One fault namespace of a mock: its faults, its own state, and the path below its `/__fault/<names>` prefix. */
export interface MockNamespace<S, N extends string = string> {
  readonly path: string;
  readonly mount: string;
  readonly faults: FaultSet<N>;
  readonly state: S;
}

export interface MockDefinition<S, N extends string = string> {
  readonly contract?: Contract;
  /** The mock's provider and its faults; cross-cutting ones (`textContentType`) are applied by the server. */
  readonly faults: FaultCatalogue<N>;
  readonly routes: readonly Route<S, N>[];
  newState(): S;
  /** Answer for a request no route matched. */
  notFound?(req: MockRequest<N>): MockResponse;
  /** Runs before routing (auth, tenant headers); a response here ends the request. */
  before?(req: MockRequest<N>, state: S): MockResponse | undefined;
  /**
   * Serves more on the same HTTP server before it listens (e.g. a socket.io endpoint). `namespaceOf` resolves a
   * request path to its fault namespace and state, as for REST requests (undefined: unknown fault). Returns
   * what stops it on close.
   */
  attach?(server: Server, namespaceOf: (pathname: string) => MockNamespace<S, N> | undefined): (() => Promise<void>) | void;
}

/** A mock of state `S` whose fault catalogue is `C`, and its routes. */
export type MockOf<S, C> = MockDefinition<S, FaultName<C>>;
export type RouteOf<S, C> = Route<S, FaultName<C>>;

const MAX_BODY = 1_000_000;

/**
 * A stateful mock on loopback. Each fault combination gets its own state, under `/__fault/<names>/…`,
 * so one mock instance serves the clean run and every fault run side by side without them seeing
 * each other's sessions. Answers of the clean mode are validated against the contract: a mock that
 * drifts from the schema answers 500 instead of lying.
 */
export class MockServer<S, N extends string = string> {
  private readonly states = new Map<string, S>();
  private server: Server | undefined;
  private detach: (() => Promise<void>) | undefined;
  private readonly globalFaults: FaultSet<N>;

  constructor(private readonly def: MockDefinition<S, N>, faultsEnv = process.env.MOCK_FAULTS) {
    this.globalFaults = FaultSet.fromEnv(def.faults.provider, faultsEnv, def.faults.names);
  }

  get provider(): string {
    return this.def.faults.provider;
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((e: unknown) => {
        if (!res.headersSent) send(res, { status: 500, body: { message: `mock error: ${e instanceof Error ? e.message : String(e)}` } });
      });
    });
    this.server.keepAliveTimeout = 5_000;
    const detach = this.def.attach?.(this.server, (pathname) => {
      const ns = this.namespace(pathname);
      return 'unknownFault' in ns ? undefined : ns;
    });
    if (detach) this.detach = detach;
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(port, host, () => ok());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.detach?.();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections();
  }

  /** Drops all state (tests call `POST /__reset`). */
  reset(): void {
    this.states.clear();
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock');
    if (url.pathname === '/__health') return send(res, { status: 200, body: { ok: true, provider: this.provider } });
    if (url.pathname === '/__reset' && req.method === 'POST') {
      this.reset();
      return send(res, { status: 204 });
    }
    const ns = this.namespace(url.pathname);
    if ('unknownFault' in ns) return send(res, { status: 404, body: { message: `unknown fault ${this.provider}.${ns.unknownFault}` } });
    const { path, mount, faults, state } = ns;
    const body = await readBody(req);
    const base: Omit<MockRequest<N>, 'params'> = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, mount, faults };
    send(res, this.crossCutting(faults, await this.answer({ ...base, params: {} }, state)));
  }

  /** The mock's own answer: `before`, then the first route that matches, else `notFound`. */
  private async answer(req: MockRequest<N>, state: S): Promise<MockResponse> {
    const early = this.def.before?.(req, state);
    if (early) return early;
    for (const route of this.def.routes) {
      if (route.method !== req.method) continue;
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      const answer = await route.handle({ ...req, params: match.groups ?? {} }, state);
      if (req.faults.size === 0) this.assertConforms(route, answer);
      return answer;
    }
    return this.def.notFound?.(req) ?? { status: 404, body: { message: 'Not Found' } };
  }

  /** Faults every mock has alike, applied here the same way for all: a JSON body sent as text/plain. */
  private crossCutting(faults: FaultSet<N>, r: MockResponse): MockResponse {
    const textPlain = this.def.faults.textContentType;
    if (textPlain === undefined || !faults.has(textPlain) || r.body === undefined) return r;
    return { ...r, raw: JSON.stringify(r.body), body: undefined, headers: { ...(r.headers ?? {}), 'content-type': 'text/plain; charset=utf-8' } };
  }

  /** `/__fault/<a>,<b>/rest` → faults a and b, their own state (made on first use), path `/rest`. */
  private namespace(pathname: string): MockNamespace<S, N> | { readonly unknownFault: string } {
    let path = pathname;
    let mount = '';
    let faults = this.globalFaults;
    let stateKey = '';
    const m = /^\/__fault\/([a-z0-9,-]+)(\/.*)?$/.exec(path);
    if (m) {
      const names = m[1]!.split(',');
      const known: ReadonlySet<string> = this.def.faults.names;
      const unknown = names.find((n) => !known.has(n));
      if (unknown !== undefined) return { unknownFault: unknown };
      faults = new FaultSet<N>(new Set(names));
      mount = `/__fault/${m[1]}`;
      stateKey = m[1]!;
      path = m[2] ?? '/';
    }
    let state = this.states.get(stateKey);
    if (!state) {
      state = this.def.newState();
      this.states.set(stateKey, state);
    }
    return { path, mount, faults, state };
  }

  private assertConforms(route: Route<S, N>, answer: MockResponse): void {
    if (!route.operationId || !this.def.contract || answer.body === undefined) return;
    const schema = this.def.contract.responseFor(route.operationId, answer.status)?.schema;
    if (!schema) return;
    const result = SchemaRegistry.get().validate(schema, answer.body);
    if (!result.valid) throw new Error(`answer of ${route.operationId} (${answer.status}) violates the contract: ${result.errors.join('; ')}`);
  }
}

function send(res: ServerResponse, r: MockResponse): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload: string | undefined;
  if (r.raw !== undefined) payload = r.raw;
  else if (r.body !== undefined) {
    payload = JSON.stringify(r.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(r.status, headers);
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
