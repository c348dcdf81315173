import { Agent, request } from 'undici';

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** Bound on the whole exchange: connecting, waiting for the answer and reading it. */
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly body: Buffer;
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

/**
 * HTTP over undici with keep-alive connections. Requests do not go through Playwright's request context on
 * purpose: Playwright records each of its API calls as a report step titled with the full URL, query
 * included, and a query can carry a credential (Etherpad's `apikey`). Our client records its own, redacted,
 * steps instead.
 */
export class UndiciTransport implements HttpTransport {
  private readonly agent: Agent;

  constructor(private readonly maxResponseBytes: number) {
    this.agent = new Agent({ keepAliveTimeout: 4_000, connections: 16 });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(req.timeoutMs);
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
