import type { Contract, Operation } from '../contract/openapi';
import { SchemaRegistry, type SchemaErrorOwner } from '../contract/schemas';
import { HarnessError, type RuleRecorder } from '../rules/recorder';
import type { Exchange, Transcript } from './transcript';
import { requestStep } from './request-steps';
import { flakyNote } from './manners';
import type { HttpTransport } from './transport';
import type { RequestGate } from '../fixtures/cleanup';

/** Adds credentials to a request. Providers differ: a header, a query key, an OAuth bearer. */
export interface Credentials {
  apply(req: OutgoingRequest): Promise<void> | void;
}

export interface OutgoingRequest {
  headers: Record<string, string>;
  query: Record<string, string>;
}

export interface SendOptions {
  readonly pathParams?: Record<string, string>;
  readonly query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body, sent with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** A body sent as it is (malformed JSON, a form), with the content type given in `headers`. */
  readonly rawBody?: string;
  readonly form?: Record<string, string>;
  readonly headers?: Record<string, string>;
  /** `false` sends the request without the configured credentials. */
  readonly auth?: boolean | Credentials;
  /**
   * The rule this exchange's schema check reports to, when a test probes one case of the schema on purpose
   * (e.g. a field the server may fill with null); by default the provider's response-schema rule.
   */
  readonly schemaRule?: string;
  /**
   * Whether the request may be repeated after a 429/503 (see harness/http/manners.ts). By default the method
   * decides; an API whose GETs create things (Etherpad's `createSession`) says `false`.
   */
  readonly idempotent?: boolean;
  /**
   * Called as soon as the target has answered, before any check or report step: where a create registers its
   * undo, so that a test interrupted while it waits still has it undone.
   */
  readonly onAnswer?: (res: ApiResponse) => void;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  /** The parsed JSON body, or `undefined` when the body is empty or not JSON. */
  readonly json: unknown;
  readonly exchange: Exchange;
}

/** Which rules the automatic response checks report to. */
export interface ResponseRules {
  /** MUST: the body validates against the schema documented for the operation and status. */
  readonly schema: string;
  /** Kinds of schema error that have rules of their own, wherever they show up. */
  readonly schemaErrorOwners?: readonly SchemaErrorOwner[];
  /** MUST: a JSON body is sent as `application/json`. */
  readonly contentType: string;
  /** SHOULD: the status is one the contract documents for the operation. */
  readonly statusDocumented: string;
  /** Checks of the provider's own that every answer gets too (e.g. Etherpad's pairing of envelope codes and statuses). */
  readonly perAnswer?: readonly AnswerCheck[];
}

/**
 * A check every answer to an operation gets: the rule it reports to and its assertions, or undefined when it does
 * not apply to this answer.
 */
export type AnswerCheck = (op: Operation, res: ApiResponse) => { readonly rule: string; readonly assert: () => void } | undefined;

export interface ClientTarget {
  /** Root the contract's paths are appended to, e.g. `http://127.0.0.1:8888` or `…/api/1.2.15`. */
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  /** The test's gate: no request once the test is over (but undo steps), and the requests in flight. */
  readonly gate?: RequestGate;
}

/**
 * Sends the operations of a contract (over the worker's keep-alive HTTP transport) and checks every answer:
 * its status is documented, its content type is JSON when it has a JSON body, and its body validates
 * against the operation's schema for that status. Every exchange lands in the test's transcript.
 */
export class ContractClient {
  private readonly schemas = SchemaRegistry.get();

  constructor(
    private readonly http: HttpTransport,
    readonly contract: Contract,
    readonly target: ClientTarget,
    private readonly transcript: Transcript,
    private readonly rules: RuleRecorder,
    private readonly responseRules: ResponseRules,
  ) {}

  url(path: string, query: Record<string, string> = {}): string {
    const base = this.target.baseUrl.replace(/\/+$/, '');
    const url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  async send(operationId: string, options: SendOptions = {}): Promise<ApiResponse> {
    const op = this.contract.operation(operationId);
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = options.pathParams?.[name];
      if (v === undefined) throw new HarnessError(`${operationId}: path parameter ${name} missing`);
      return encodeURIComponent(v);
    });
    const res = await this.raw(op.method, path, options, operationId);
    await this.checkResponse(op, res, options.schemaRule);
    await this.checkPerAnswer(op, res);
    return res;
  }

  /** A request outside the contract's operations (or with a method the operation does not have). */
  async raw(method: string, path: string, options: SendOptions = {}, operationId?: string): Promise<ApiResponse> {
    const out: OutgoingRequest = { headers: { ...(options.headers ?? {}) }, query: {} };
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) out.query[k] = String(v);
    const creds = options.auth === false ? undefined : options.auth === undefined || options.auth === true ? this.target.credentials : options.auth;
    await creds?.apply(out);
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      out.headers['content-type'] ??= 'application/json';
    } else if (options.form !== undefined) {
      body = new URLSearchParams(options.form).toString();
      out.headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
    }
    const url = this.url(path, out.query);
    this.target.gate?.admit(`${method} ${path}`);
    const started = Date.now();
    const request = this.http.send({
      method,
      url,
      headers: out.headers,
      body: body === undefined ? undefined : Buffer.from(body),
      timeoutMs: this.target.timeoutMs,
      idempotent: options.idempotent,
    });
    // Recorded, and handed to onAnswer (where a create registers its undo), as soon as the answer is in: the gate
    // waits for this, so an interrupted test's cleanup sees every create that was answered.
    const handled = request.then((res) => {
      const earlier = (res.retried ?? []).map((a) => ({
        waitedMs: a.waitedMs,
        exchange: this.transcript.record({
          operationId, method, url, requestHeaders: out.headers, requestBody: body,
          status: a.status, responseHeaders: a.headers, responseBody: a.body.toString('utf8'), durationMs: a.durationMs,
        }),
      }));
      const text = res.body.toString('utf8');
      const exchange = this.transcript.record({
        operationId, method, url, requestHeaders: out.headers, requestBody: body,
        status: res.status, responseHeaders: res.headers, responseBody: text, durationMs: Date.now() - started,
      });
      const answer: ApiResponse = { status: res.status, headers: res.headers, text, json: parseJson(text), exchange };
      options.onAnswer?.(answer);
      return { res, answer, earlier };
    });
    this.target.gate?.track(handled);
    try {
      const { res, answer, earlier } = await handled;
      // Answers that asked us to wait, before the request was repeated: in the transcript as they came.
      for (const e of earlier) await requestStep(e.exchange, `${e.exchange.status}, repeated after ${e.waitedMs} ms`);
      const exchange = answer.exchange;
      await requestStep(exchange, `${exchange.status}`);
      const throttled = flakyNote(`${method} ${exchange.url.replace(/[?#].*$/, '')}`, res);
      if (throttled) this.rules.noteThrottled(throttled);
      return answer;
    } catch (e) {
      const message = networkTrouble(e, this.target.timeoutMs);
      const exchange = this.transcript.record({
        operationId, method, url, requestHeaders: out.headers, requestBody: body, durationMs: Date.now() - started, error: message,
      });
      const err = new HarnessError(`${method} ${new URL(url).pathname}: ${message}`, { cause: e });
      await requestStep(exchange, 'no answer', err);
      throw err;
    }
  }

  private async checkResponse(op: Operation, res: ApiResponse, asked: string | undefined): Promise<void> {
    const documented = this.contract.responseFor(op.operationId, res.status);
    const schemaRule = asked ?? documented?.bodyRule ?? this.responseRules.schema;
    const where = `${op.method} ${op.path} → ${res.status}`;
    await this.rules.check(this.responseRules.statusDocumented, () => {
      if (!documented) {
        throw violation(`${where}: status ${res.status} is not documented for ${op.operationId} (documented: ${op.responses.map((r) => r.status).join(', ')})`);
      }
    });
    if (!documented?.schema) return;
    const contentType = res.headers['content-type'] ?? '';
    await this.rules.check(this.responseRules.contentType, () => {
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
        throw violation(`${where}: a JSON body must be sent as application/json, got "${contentType || '(no Content-Type)'}"`);
      }
    });
    const name = typeof documented.schema === 'string' ? documented.schema.replace(/^.*\//, '') : 'inline schema';
    const result = res.json === undefined ? undefined : this.schemas.validate(documented.schema, res.json, this.responseRules.schemaErrorOwners);
    // A known deviation is told to its own rule wherever it shows up, e.g. in a list holding another test's session.
    for (const [rule, errors] of result?.owned ?? []) {
      await this.rules.check(rule, () => {
        throw violation(`${where}: body does not match ${name}: ${errors.join('; ')}`);
      });
    }
    await this.rules.check(schemaRule, () => {
      if (result === undefined) throw violation(`${where}: the body is not JSON: ${JSON.stringify(res.text.slice(0, 200))}`);
      if (!result.valid) throw violation(`${where}: body does not match ${name}: ${result.errors.join('; ')}`);
    });
  }

  private async checkPerAnswer(op: Operation, res: ApiResponse): Promise<void> {
    for (const check of this.responseRules.perAnswer ?? []) {
      const applies = check(op, res);
      if (applies) await this.rules.check(applies.rule, applies.assert);
    }
  }
}

/** What went wrong on the wire, in words a person can act on. */
function networkTrouble(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; code?: string; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
    return `no complete answer from the target within ${timeoutMs} ms`;
  }
  if (err.name === 'ResponseTooLarge') return err.message ?? 'the answer is too large';
  if (err.name === 'SlotTimeout') return err.message ?? 'no free request slot';
  const first = (err.message ?? String(e)).split('\n')[0];
  return `no answer from the target (${err.code ? `${err.code}: ` : ''}${first})`;
}

/** An assertion-class error: the target broke the contract. */
export function violation(message: string): Error {
  const e = new Error(message);
  e.name = 'AssertionError';
  return e;
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
