import { Agent, request } from 'undici';
import { runSettings } from '../config/run';
import { Manners, realClock, workerPolicy } from './manners';

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** Bound on the whole exchange: connecting, waiting for the answer and reading it. */
  readonly timeoutMs: number;
  /**
   * May the request be repeated when the target asks us to wait (429, 503 with Retry-After)? By default as
   * RFC 9110 §9.2.2 says of its method; `false` for an API whose GET changes something.
   */
  readonly idempotent?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** Earlier answers that asked us to wait, each followed by a repeat of the request after the wait; oldest first. */
  readonly retried?: readonly RetriedAnswer[];
  /** This answer asked us to wait, and is returned as it is: why it was not repeated. */
  readonly notRetried?: string;
}

/** An answer that asked us to wait (429, or 503 with Retry-After), after which the request was sent again. */
export interface RetriedAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly durationMs: number;
  /** From this answer to the repeat: the Retry-After, and any queue behind it. */
  readonly waitedMs: number;
}

/** Sends one request and reads its answer. Never follows redirects: another host is never contacted. */
export interface HttpTransport {
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** An answer larger than the configured bound; reading stopped there. */
export class ResponseTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${limitBytes} bytes; reading stopped there`);
    this.name = 'ResponseTooLarge';
  }
}

/** When this process started: see `TargetLimiter` (a replacement worker assumes its predecessor's last second was full). */
const PROCESS_STARTED = Date.now();
let shared: Manners | undefined;

/**
 * The manners of this process, from the run's settings: one for every transport in the process, so the caps
 * hold per target whatever the number of clients (preflight, worker fixtures).
 */
export function processManners(): Manners {
  shared ??= new Manners(workerPolicy(runSettings()), realClock, PROCESS_STARTED);
  return shared;
}

/**
 * HTTP over undici with keep-alive connections, with manners: a cap on requests in flight and per second to
 * each target, and a repeat of an idempotent request the target asked us to send later (see manners.ts).
 * Requests do not go through Playwright's request context on purpose: Playwright records each of its API
 * calls as a report step titled with the full URL, query included, and a query can carry a credential
 * (Etherpad's `apikey`). Our client records its own, redacted, steps instead.
 */
export class UndiciTransport implements HttpTransport {
  private readonly agent: Agent;

  constructor(private readonly maxResponseBytes: number, private readonly manners: Manners = processManners()) {
    this.agent = new Agent({ keepAliveTimeout: 4_000, connections: 16 });
  }

  send(req: HttpRequest): Promise<HttpResponse> {
    return this.manners.send(req, (r) => this.sendOnce(r));
  }

  private async sendOnce(req: HttpRequest): Promise<HttpResponse> {
    // A timer cleared when the exchange ends: AbortSignal.timeout would leave one pending per request.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError(req.timeoutMs)), req.timeoutMs);
    try {
      return await this.exchange(req, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const res = await request(req.url, {
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body,
      dispatcher: this.agent,
      signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > this.maxResponseBytes) {
        res.body.destroy();
        throw new ResponseTooLarge(this.maxResponseBytes);
      }
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: res.statusCode, headers, body: Buffer.concat(chunks) };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function timeoutError(ms: number): Error {
  const e = new Error(`no complete answer within ${ms} ms`);
  e.name = 'TimeoutError';
  return e;
}
