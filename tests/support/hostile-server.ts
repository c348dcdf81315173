import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A hostile stand-in for a Jupyter server, for our own tests: it lets a run's preflight through and then
 * misbehaves on every request of the suite, in one way per mode.
 *
 * One server per mode, on 127.0.0.1 and a free port; its base URL is `http://127.0.0.1:<port>/<mode>`.
 * Under that prefix:
 * - `GET /<mode>` (the preflight's "does it answer at all") is always answered 200, text;
 * - the first `GET /<mode>/api/sessions` (the preflight's credential check) is answered 200 `[]` with the
 *   right token, 403 without it;
 * - every other request (the suite's, including `GET /<mode>/api` for the version) gets the mode's behaviour.
 * The answer a well-behaved server would give (201 and a Session for a create, and so on) is the material the
 * modes spoil, so a check that passes can only have passed on a spoiled answer. The modes that spoil a body
 * (non-json, truncated-json, wrong-content-type) send a bodiless answer (a delete's 204) as it is.
 */
export const HOSTILE_MODES = [
  'hang', 'dribble', 'reset', 'non-json', 'truncated-json', 'wrong-content-type', 'huge', 'redirect', 'random-5xx',
] as const;
export type HostileMode = (typeof HOSTILE_MODES)[number];

/** What each mode does with a suite request. */
export const HOSTILE_BEHAVIOUR: Record<HostileMode, string> = {
  hang: 'accepts the request and never answers',
  dribble: 'sends the answer one byte every 200 ms (odd requests and bodiless answers from the status line on, even ones after the headers)',
  reset: 'resets the connection (TCP RST): odd requests before any answer, even ones half-way through the body',
  'non-json': 'answers the right status as application/json, with an HTML page as body',
  'truncated-json': 'answers the right status as application/json, with the JSON body cut in half (Content-Length matches)',
  'wrong-content-type': 'answers the right status and a valid JSON body, as text/html',
  huge: 'answers the right status as application/json with a 50 MiB JSON body, streamed in 64 KiB chunks',
  redirect: 'answers a GET with 302 to another host (http://192.0.2.1/__redirect-target/…), any other method with 307 to its own /__redirect-target/…',
  'random-5xx': 'answers 500, 502, 503 or 504 (seeded, no Retry-After), with a JSON or an HTML error body',
};

export const REDIRECT_TARGET = '/__redirect-target';
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;
const DRIBBLE_INTERVAL_MS = 200;
const HUGE_CHUNK_BYTES = 64 * 1024;
const RANDOM_5XX_SEED = 0x5eed;

export interface HostileStats {
  /** Requests answered normally for the preflight. */
  readonly preflight: number;
  /** Requests that got the mode's behaviour. */
  readonly hostile: number;
  /** Requests that arrived for the redirect target: a client that followed a 307 (must stay 0). */
  readonly redirectTargetHits: number;
  /** Each huge body: the request it answered, the bytes written before the client stopped reading, and
   *  whether it was written whole (the client read all 50 MiB). */
  readonly hugeBodies: readonly HugeBody[];
  /** Statuses of the answers sent whole (the preflight's included), in order. */
  readonly statuses: readonly number[];
}

export interface HugeBody {
  readonly request: string;
  bytesWritten: number;
  complete: boolean;
}

export interface HostileTarget {
  readonly mode: HostileMode;
  /** The JUPYTER_BASE_URL of this target. */
  readonly url: string;
  readonly token: string;
  stats(): HostileStats;
  close(): Promise<void>;
}

/** A plausible, contract-conforming answer to a request: what the modes spoil. */
interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface HostileOptions {
  /** The token the preflight's credential check must carry; a random one by default. */
  readonly token?: string;
  /** Size of the huge mode's bodies; 50 MiB by default. */
  readonly hugeBodyBytes?: number;
}

export async function startHostileTarget(mode: HostileMode, options: HostileOptions = {}): Promise<HostileTarget> {
  const token = options.token ?? `hostile-token-${randomUUID()}`;
  const hugeBodyBytes = options.hugeBodyBytes ?? HUGE_BODY_BYTES;
  const prefix = `/${mode}`;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const stats = { preflight: 0, hostile: 0, redirectTargetHits: 0, hugeBodies: [] as HugeBody[], statuses: [] as number[] };
  let credentialCheckSeen = false;
  const random = mulberry32(RANDOM_5XX_SEED);
  let port = 0;

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    if (path.startsWith(REDIRECT_TARGET)) {
      stats.redirectTargetHits += 1;
      // A client that follows the redirect would get a perfectly good answer here: the test must see the hit.
      return send(res, plausibleAnswer(req.method ?? 'GET', path.slice(REDIRECT_TARGET.length).replace(prefix, ''), undefined));
    }
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return send(res, json(404, { message: 'not under this target' }));
    const rest = path.slice(prefix.length);
    if (req.method === 'GET' && (rest === '' || rest === '/')) {
      stats.preflight += 1;
      return send(res, { status: 200, headers: { 'content-type': 'text/plain' }, body: 'hostile target\n' });
    }
    if (req.method === 'GET' && rest === '/api/sessions' && !credentialCheckSeen) {
      credentialCheckSeen = true;
      stats.preflight += 1;
      return send(res, req.headers.authorization === `token ${token}` ? json(200, []) : json(403, { message: 'Forbidden' }));
    }
    stats.hostile += 1;
    // Without the token, refused as a real server would (then spoiled like every other answer).
    const refused = req.headers.authorization !== `token ${token}` ? json(403, { message: 'Forbidden', reason: null }) : undefined;
    readBody(req, (body) => misbehave(req, res, refused ?? plausibleAnswer(req.method ?? 'GET', rest, body), stats.hostile));
  });

  function misbehave(req: IncomingMessage, res: ServerResponse, answer: Answer, n: number): void {
    const odd = n % 2 === 1;
    switch (mode) {
      case 'hang':
        return; // the socket stays open until the client gives up or the server closes
      case 'dribble':
        return dribble(req.socket, rawResponse(answer), odd || !answer.body);
      case 'reset':
        if (odd || !answer.body) return void req.socket.resetAndDestroy();
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
        res.write(answer.body.slice(0, Math.floor(answer.body.length / 2)), () => req.socket.resetAndDestroy());
        return;
      case 'non-json':
        return send(res, spoilBody(answer, '<!doctype html><html><body><h1>Welcome</h1><p>This is not JSON.</p></body></html>', 'application/json'));
      case 'truncated-json':
        return send(res, spoilBody(answer, answer.body.slice(0, Math.floor(answer.body.length / 2)), 'application/json'));
      case 'wrong-content-type':
        return send(res, spoilBody(answer, answer.body, 'text/html; charset=utf-8'));
      case 'huge':
        // A delete's 204 cannot carry a body: it becomes a 200 with one.
        return streamHuge(res, answer.status === 204 ? 200 : answer.status, `${req.method} ${req.url}`, /\/api(\?|$)/.test(req.url ?? ''));
      case 'redirect': {
        // The 307s point back here, so a client that followed one would be seen (redirectTargetHits).
        const get = req.method === 'GET';
        const location = get ? `http://192.0.2.1${REDIRECT_TARGET}${req.url}` : `http://127.0.0.1:${port}${REDIRECT_TARGET}${req.url}`;
        return send(res, { status: get ? 302 : 307, headers: { location, 'content-type': 'text/plain' }, body: `moved to ${location}\n` });
      }
      case 'random-5xx': {
        const status = [500, 502, 503, 504][Math.floor(random() * 4)]!;
        return send(res, odd ? json(status, { message: `hostile ${status}` }) : { status, headers: { 'content-type': 'text/html' }, body: `<h1>${status}</h1>` });
      }
    }
  }

  /** Writes the raw answer one byte per tick; from the first byte (odd) or after the head (even). */
  function dribble(socket: Socket, raw: Buffer, fromStart: boolean): void {
    let at = fromStart ? 0 : raw.indexOf('\r\n\r\n') + 4;
    if (at > 0) socket.write(raw.subarray(0, at));
    const timer = setInterval(() => {
      if (socket.destroyed || at >= raw.length) {
        clearInterval(timer);
        timers.delete(timer);
        return;
      }
      socket.write(raw.subarray(at, at + 1));
      at += 1;
    }, DRIBBLE_INTERVAL_MS);
    timers.add(timer);
  }

  /**
   * A huge JSON body, written as the client reads (backpressure), never held whole: a list of sessions, or for
   * the version request `{"version": "hostile", "pad": "xx…"}`, so a client that read it all would find a version.
   */
  function streamHuge(res: ServerResponse, status: number, request: string, version: boolean): void {
    const item = `${JSON.stringify({ id: randomUUID(), path: 'huge.ipynb', name: 'huge', type: 'notebook' })},`;
    const chunk = Buffer.from(version ? 'x'.repeat(HUGE_CHUNK_BYTES) : item.repeat(Math.floor(HUGE_CHUNK_BYTES / item.length)));
    const head = Buffer.from(version ? '{"version":"hostile","pad":"' : '[');
    const tail = Buffer.from(version ? '"}' : '{}]');
    const chunks = Math.floor((hugeBodyBytes - head.length - tail.length) / chunk.length);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(head.length + chunks * chunk.length + tail.length) });
    const body: HugeBody = { request, bytesWritten: head.length, complete: false };
    stats.hugeBodies.push(body);
    res.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < chunks && !res.destroyed) {
        sent += 1;
        body.bytesWritten += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (res.destroyed) return;
      res.end(tail, () => (body.complete = true));
      body.bytesWritten += tail.length;
    };
    pump();
  }

  const created = new Set<string>();

  function plausibleAnswer(method: string, rest: string, body: unknown): Answer {
    const session = (id: string = randomUUID()) => ({
      id,
      path: str((body as { path?: unknown } | undefined)?.path) ?? 'hostile.ipynb',
      name: str((body as { name?: unknown } | undefined)?.name) ?? 'hostile',
      type: str((body as { type?: unknown } | undefined)?.type) ?? 'notebook',
      kernel: { id: randomUUID(), name: 'python3' },
    });
    const one = /^\/api\/sessions\/([^/]+)$/.exec(rest)?.[1];
    // An id it never handed out is unknown, as on a real server: only the spoil differs from a plausible answer.
    if (one && !created.has(decodeURIComponent(one))) return json(404, { message: 'Session not found', reason: null });
    if (rest === '/api' && method === 'GET') return json(200, { version: 'hostile' });
    if (rest === '/api/sessions' && method === 'GET') return json(200, [session()]);
    if (rest === '/api/sessions' && method === 'POST') {
      const made = session();
      created.add(made.id);
      return { ...json(201, made), headers: { 'content-type': 'application/json', location: `${prefix}/api/sessions/${made.id}` } };
    }
    if (one && method === 'GET') return json(200, session(decodeURIComponent(one)));
    if (one && method === 'PATCH') return json(200, session(decodeURIComponent(one)));
    if (one && method === 'DELETE') return { status: 204, headers: {}, body: '' };
    return json(404, { message: 'Not Found', reason: null });
  }

  function send(res: ServerResponse, answer: Answer): void {
    stats.statuses.push(answer.status);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
    res.end(answer.body);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // a client that gives up mid-answer is expected here
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    mode,
    url: `http://127.0.0.1:${port}${prefix}`,
    token,
    stats: () => ({ ...stats, statuses: [...stats.statuses], hugeBodies: stats.hugeBodies.map((b) => ({ ...b })) }),
    close: async () => {
      for (const t of timers) clearInterval(t);
      timers.clear();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

/** The same answer with another body and content type; a body-less answer (204) stays as it is. */
function spoilBody(answer: Answer, body: string, contentType: string): Answer {
  if (!answer.body) return answer;
  return { status: answer.status, headers: { ...answer.headers, 'content-type': contentType }, body };
}

function json(status: number, value: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function rawResponse(answer: Answer): Buffer {
  const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) };
  const head = [`HTTP/1.1 ${answer.status} Hostile`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${answer.body}`);
}

/** Reads a request body of at most 64 KiB (ours are small) and parses it as JSON when it can. */
function readBody(req: IncomingMessage, then: (body: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= 64 * 1024) chunks.push(c);
  });
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    then(body);
  });
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A small seeded PRNG, so the 5xx sequence of a run can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
