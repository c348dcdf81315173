import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Manners } from '../../harness/http/manners';
import { UndiciTransport } from '../../harness/http/transport';
import { MockServer } from '../../mocks/core/mock-server';
import { jupyterMock } from '../../mocks/jupyter/jupyter-mock';
import { freePort } from '../../harness/net/free-port';
import { runSuite } from '../support/run-suite';

const TOKEN = 'manners-test-token';
const MAX_CONCURRENCY = 2;
const MAX_RPS = 20;
const WORKERS = 2;

interface Arrival { readonly method: string; readonly key: string; readonly path: string; readonly at: number }
interface Throttle { readonly method: string; readonly key: string; readonly status: number; readonly answeredAt: number; readonly waitMs: number; readonly arrival: number }

/**
 * A target in front of the Jupyter mock that asks the run to wait, once per request, for chosen requests of
 * chosen tests (by the label in the session path the suite makes): GET and DELETE, which may be repeated, and
 * POST and PATCH, which may not. It counts what arrives, by method and by exact request (method, path, body),
 * and how many requests are in flight at once.
 */
class ThrottlingTarget {
  readonly arrivals: Arrival[] = [];
  readonly throttles: Throttle[] = [];
  readonly byMethod: Record<string, number> = {};
  maxInFlight = 0;
  private inFlight = 0;
  private readonly sessionPaths = new Map<string, string>();
  private readonly seen = new Set<string>();
  private server: Server | undefined;

  constructor(private readonly upstream: string) {}

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `front: ${String(e)}` }));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', () => ok()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server?.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://front');
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.once('close', () => (this.inFlight -= 1));
    const body = await readAll(req);
    const key = `${method} ${url.pathname} ${body}`;
    const arrival = this.arrivals.push({ method, key, path: url.pathname, at }) - 1;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;

    const plan = this.seen.has(key) ? undefined : this.throttlePlan(method, url.pathname, body);
    this.seen.add(key);
    if (plan) {
      // The Date header and an HTTP-date Retry-After, both whole seconds: the wait asked is exactly waitMs.
      const date = new Date(Math.floor(Date.now() / 1000) * 1000);
      const retryAfter = plan.asDate ? new Date(date.getTime() + plan.waitMs).toUTCString() : String(plan.waitMs / 1000);
      res.writeHead(plan.status, { 'content-type': 'application/json', date: date.toUTCString(), 'retry-after': retryAfter });
      res.end(JSON.stringify({ message: 'slow down' }));
      this.throttles.push({ method, key, status: plan.status, answeredAt: Date.now(), waitMs: plan.waitMs, arrival });
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
    const answer = await fetch(`${this.upstream}${req.url ?? '/'}`, { method, headers, body: body === '' ? undefined : body, redirect: 'manual' });
    const text = await answer.text();
    if (method === 'POST' && answer.status === 201) {
      const s = JSON.parse(text) as { id: string; path: string };
      this.sessionPaths.set(s.id, s.path);
    }
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'location']) {
      const v = answer.headers.get(name);
      if (v !== null) out[name] = v;
    }
    res.writeHead(answer.status, out);
    res.end(text);
  }

  /** Which requests are asked to wait, by the label of the session they touch (see suites/jupyter/*.spec.ts). */
  private throttlePlan(method: string, path: string, body: string): { status: number; waitMs: number; asDate?: true } | undefined {
    const id = /^\/api\/sessions\/([^/]+)$/.exec(path)?.[1];
    const session = id ? this.sessionPaths.get(id) : undefined;
    const bodyPath = body.startsWith('{') ? (JSON.parse(body) as { path?: string }).path : undefined;
    if (method === 'GET' && session?.includes('/get-a-')) return { status: 503, waitMs: 1_000 };
    if (method === 'DELETE' && session?.includes('/delete-')) return { status: 429, waitMs: 2_000, asDate: true };
    if (method === 'GET' && session?.includes('/delete-')) return { status: 503, waitMs: 1_000 };
    if (method === 'POST' && path === '/api/sessions' && bodyPath?.includes('/create-')) return { status: 429, waitMs: 1_000 };
    if (method === 'PATCH' && bodyPath?.includes('/renamed-')) return { status: 503, waitMs: 1_000 };
    return undefined;
  }
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The most arrivals in any window of `ms` (ending at an arrival). The gate keeps a request's place in the window
 * until a second after its answer, so the cap holds on arrival exactly, whatever the latency: no tolerance.
 */
function peak(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - ms + 1) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

test.describe('manners under load', () => {
  test('the Jupyter suite against a target that asks it to wait: idempotent requests repeated after Retry-After, POST and PATCH never, flaky rules reported, caps held', async () => {
    test.setTimeout(5 * 60_000);
    const mock = new MockServer(jupyterMock({ token: TOKEN }), '') as MockServer<unknown>;
    const front = new ThrottlingTarget(`http://127.0.0.1:${await mock.listen(await freePort())}`);
    const base = await front.listen();
    try {
      const run = await runSuite(['--project=jupyter'], {
        JUPYTER_BASE_URL: base,
        JUPYTER_TOKEN: TOKEN,
        JUPYTER_BASELINE: '',
        // The bundled mocks of the child run (unused here) go where the outer run says, else where runSuite puts them.
        ...(process.env.MOCK_PORT_BASE ? { MOCK_PORT_BASE: process.env.MOCK_PORT_BASE } : {}),
        FC_NUM_RUNS: '3',
        CONFORMANCE_WORKERS: String(WORKERS),
        CONFORMANCE_MAX_CONCURRENCY: String(MAX_CONCURRENCY),
        CONFORMANCE_MAX_RPS: String(MAX_RPS),
        CONFORMANCE_MAX_RETRIES: '2',
        CONFORMANCE_MAX_RETRY_AFTER_S: '5',
      });
      const report = run.report('jupyter');
      const rule = (id: string) => report.rules.find((r) => r.id === id)!;
      test.info().annotations.push({ type: 'requests by method', description: JSON.stringify(front.byMethod) });

      await test.step('every GET and DELETE asked to wait was sent again once, no sooner than Retry-After', () => {
        const idempotent = front.throttles.filter((t) => t.method === 'GET' || t.method === 'DELETE');
        expect(idempotent.map((t) => `${t.method} ${t.status}`).sort(), 'the get-by-id GET, the delete test\'s DELETE and GET').toEqual(['DELETE 429', 'GET 503', 'GET 503']);
        for (const t of idempotent) {
          const again = front.arrivals.slice(t.arrival + 1).filter((a) => a.key === t.key);
          expect(again, `${t.key}: repeated once`).toHaveLength(1);
          expect(again[0]!.at - t.answeredAt, `${t.key}: waited the ${t.waitMs} ms asked`).toBeGreaterThanOrEqual(t.waitMs - 10);
        }
      });

      await test.step('no POST or PATCH was ever sent twice', () => {
        const unsafe = front.throttles.filter((t) => t.method === 'POST' || t.method === 'PATCH');
        expect(unsafe.map((t) => `${t.method} ${t.status}`).sort()).toEqual(['PATCH 503', 'POST 429']);
        for (const t of unsafe) expect(front.arrivals.filter((a) => a.key === t.key), `${t.key}: sent once`).toHaveLength(1);
      });

      await test.step('the rules checked after a wait are flaky; a repeated check that then held still passes', () => {
        for (const id of ['jupyter.get-by-id', 'jupyter.delete-returns-204', 'jupyter.deleted-session-404']) {
          expect(rule(id), id).toMatchObject({ status: 'pass', flaky: { checks: expect.any(Number), reason: expect.stringMatching(/was repeated 1× after the target asked to wait \((503|429), waited \d+ ms\)/) } });
        }
        expect(rule('jupyter.get-by-id').flaky!.checks, 'both GETs of the test came after the wait').toBe(2);
        expect(rule('jupyter.deleted-session-404').flaky!.reason, 'each check names the latest wait before it').toMatch(/^GET \S+ was repeated 1× after the target asked to wait \(503/);
        expect(rule('jupyter.get-by-id').transcript, 'its evidence shows the wait and the repeat').toMatch(/< 503[\s\S]*retry-after: 1[\s\S]*< 200/);
        const html = readFileSync(join(run.reportDir, 'jupyter', 'conformance.html'), 'utf8');
        const row = html.slice(html.indexOf('<tr id="rule-jupyter.get-by-id"'), html.indexOf('</tr>', html.indexOf('<tr id="rule-jupyter.get-by-id"')));
        expect(row, 'the HTML report shows the status and, next to it, that it is flaky').toMatch(/badge pass">pass<\/span> <span class="badge flaky"[\s\S]*Flaky \(2 checks\): GET /);
        expect(rule('jupyter.create-returns-201')).toMatchObject({ status: 'fail', flaky: { reason: expect.stringContaining('POST is not idempotent') } });
        expect(rule('jupyter.patch-renames')).toMatchObject({ status: 'fail', flaky: { reason: expect.stringContaining('PATCH is not idempotent') } });
        for (const id of ['jupyter.list-contains-created', 'jupyter.create-same-path-returns-existing', 'jupyter.unknown-id-404']) {
          expect(rule(id), `${id}: never asked to wait`).toMatchObject({ status: 'pass' });
          expect(rule(id).flaky, id).toBeUndefined();
        }
        expect([...report.verdict.flaky]).toEqual(expect.arrayContaining(['jupyter.get-by-id', 'jupyter.create-returns-201']));
        expect(run.exitCode, 'a POST that could not be repeated broke a MUST rule: reported as it is').toBe(1);
        expect(run.output).toMatch(/jupyter: .*, \d+ flaky/);
        expect(run.output).toMatch(/PASS +jupyter\.get-by-id \(MUST\)\n +FLAKY, 2 check\(s\): GET /);
      });

      await test.step('the caps held on the wire', () => {
        const times = front.arrivals.map((a) => a.at);
        expect(front.maxInFlight, 'requests in flight at once').toBeLessThanOrEqual(MAX_CONCURRENCY);
        const busiest = peak(times, 1_000);
        test.info().annotations.push({ type: 'busiest second', description: `${busiest} requests (cap ${MAX_RPS}), ${times.length} in all` });
        expect(busiest, 'requests in any second').toBeLessThanOrEqual(MAX_RPS);
        expect(busiest, 'the run pressed against the cap, so the cap was what held it').toBeGreaterThanOrEqual(MAX_RPS / WORKERS - 2);
      });
    } finally {
      await front.close();
      await mock.close();
    }
  });

  test('one transport with many requests at once keeps to its share on the wire', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const arrivals: number[] = [];
    const server = createServer((req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      arrivals.push(Date.now());
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      }, 150);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const http = new UndiciTransport(1_000_000, new Manners({ maxConcurrency: 3, maxRps: 8, maxRetries: 0, maxRetryAfterMs: 0, maxQueueMs: 10_000 }));
    try {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 16 }, () => http.send({ method: 'GET', url, headers: {}, timeoutMs: 5_000 })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(maxInFlight, 'in flight at once').toBe(3);
      expect(peak(arrivals, 1_000), 'in any second').toBeLessThanOrEqual(8);
      expect(Date.now() - started, '16 requests at 8 per second take more than one second').toBeGreaterThanOrEqual(1_000);
    } finally {
      await http.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
