import type { Redactor } from './redact';

/** One request and its answer, as a vendor reads it in a report. Already redacted. */
export interface Exchange {
  readonly seq: number;
  readonly operationId?: string;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody?: string;
  readonly status?: number;
  readonly responseHeaders?: Record<string, string>;
  readonly responseBody?: string;
  readonly durationMs: number;
  /** Set when no answer came (network trouble, timeout). */
  readonly error?: string;
}

const MAX_BODY_CHARS = 16_000;

/** The exchanges of one test, redacted as they are recorded so a secret never sits in memory unscrubbed. */
export class Transcript {
  private readonly items: Exchange[] = [];
  private seq = 0;

  constructor(private readonly redactor: Redactor) {}

  record(e: Omit<Exchange, 'seq'>): Exchange {
    const r = this.redactor;
    const ex: Exchange = {
      ...e,
      seq: ++this.seq,
      url: r.url(e.url),
      requestHeaders: r.headers(e.requestHeaders),
      requestBody: clip(r.body(e.requestBody)),
      responseHeaders: e.responseHeaders && r.headers(e.responseHeaders),
      responseBody: clip(r.body(e.responseBody)),
      error: e.error === undefined ? undefined : r.text(e.error),
    };
    this.items.push(ex);
    return ex;
  }

  /** Exchanges recorded since `mark` (a value of `length`). */
  since(mark: number): readonly Exchange[] {
    return this.items.slice(mark);
  }

  get length(): number {
    return this.items.length;
  }

  all(): readonly Exchange[] {
    return this.items;
  }
}

function clip(s: string | undefined): string | undefined {
  return s !== undefined && s.length > MAX_BODY_CHARS ? `${s.slice(0, MAX_BODY_CHARS)}… (${s.length} chars)` : s;
}

/** Plain-text rendering, like an HTTP log, for attachments and the console. */
export function formatExchanges(exchanges: readonly Exchange[]): string {
  return exchanges
    .map((e) => {
      const head = `#${e.seq} ${e.method} ${e.url}${e.operationId ? `   (${e.operationId})` : ''}`;
      const req = [...Object.entries(e.requestHeaders).map(([k, v]) => `> ${k}: ${v}`), ...(e.requestBody ? [`> ${e.requestBody}`] : [])];
      const res = e.error
        ? [`! ${e.error}`]
        : [
            `< ${e.status} (${e.durationMs} ms)`,
            ...Object.entries(e.responseHeaders ?? {}).map(([k, v]) => `< ${k}: ${v}`),
            ...(e.responseBody ? [`< ${e.responseBody}`] : []),
          ];
      return [head, ...req, ...res].join('\n');
    })
    .join('\n\n');
}
