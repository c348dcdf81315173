import { Agent, request } from 'undici';
import { benchClient } from './bench-client';
import { BENCH_TOKEN, startJupyterMock } from './jupyter-mock-server';
import { measureRate, medianSample, type RateSample } from './request-rate';
import { seedSessions } from './seed-sessions';

export interface ThroughputResult {
  readonly concurrency: number;
  readonly raw: RateSample;
  readonly ours: RateSample;
  /** ours.rps / raw.rps; target ≥ 0.5. */
  readonly ratio: number;
}

export interface ThroughputOptions {
  readonly concurrencies: readonly number[];
  /** Rounds per client and concurrency, alternating raw and ours; the median round counts. */
  readonly rounds: number;
  readonly roundMs: number;
  readonly sessions: number;
}

export const THROUGHPUT_DEFAULTS: ThroughputOptions = { concurrencies: [1, 8], rounds: 3, roundMs: 1_000, sessions: 5 };

/**
 * Requests per second against the in-process Jupyter mock, alternating GET /api/sessions and
 * GET /api/sessions/{id}: through our checking client (schema validation, rule recording, redacted
 * transcript) and with plain undici over an equal keep-alive agent. Outside a Playwright test, so without the
 * report step per request (bench/probe measures that).
 */
export async function clientThroughput(options: ThroughputOptions = THROUGHPUT_DEFAULTS): Promise<ThroughputResult[]> {
  const mock = await startJupyterMock();
  const headers = { authorization: `token ${BENCH_TOKEN}` };
  const rawAgent = new Agent({ keepAliveTimeout: 4_000, connections: 16 });
  try {
    const ids = await seedSessions(mock.baseUrl, BENCH_TOKEN, options.sessions);
    const rawSend = async (i: number) => {
      const url = i % 2 === 0 ? `${mock.baseUrl}/api/sessions` : `${mock.baseUrl}/api/sessions/${ids[i % ids.length]}`;
      const res = await request(url, { method: 'GET', headers, dispatcher: rawAgent });
      // The least any check does with an answer: read it as JSON.
      await res.body.json();
      if (res.statusCode !== 200) throw new Error(`raw GET ${url}: ${res.statusCode}`);
    };
    const results: ThroughputResult[] = [];
    for (const concurrency of options.concurrencies) {
      // A fresh client per concurrency, as a test gets a fresh transcript and recorder.
      const ours = benchClient(mock.baseUrl, BENCH_TOKEN);
      const oursSend = async (i: number) => {
        const res =
          i % 2 === 0
            ? await ours.client.send('listSessions')
            : await ours.client.send('getSession', { pathParams: { session: ids[i % ids.length]! } });
        if (res.status !== 200) throw new Error(`checked ${res.exchange.method} ${res.exchange.url}: ${res.status}`);
      };
      try {
        // Warm up both (JIT, connections, validator caches) before anything counts.
        await measureRate(rawSend, concurrency, 300);
        await measureRate(oursSend, concurrency, 300);
        const raw: RateSample[] = [];
        const checked: RateSample[] = [];
        for (let r = 0; r < options.rounds; r++) {
          raw.push(await measureRate(rawSend, concurrency, options.roundMs));
          checked.push(await measureRate(oursSend, concurrency, options.roundMs));
        }
        assertAllChecksPassed(ours.rules.outcomes);
        const rawMedian = medianSample(raw);
        const oursMedian = medianSample(checked);
        results.push({ concurrency, raw: rawMedian, ours: oursMedian, ratio: oursMedian.rps / rawMedian.rps });
      } finally {
        await ours.transport.close();
      }
    }
    return results;
  } finally {
    await rawAgent.close();
    await mock.close();
  }
}

/** The measurement means something only if the checks ran and passed on every answer. */
function assertAllChecksPassed(outcomes: readonly { rule: string; status: string }[]): void {
  const bad = outcomes.filter((o) => o.status !== 'pass');
  if (!outcomes.length || bad.length) throw new Error(`checked client: ${bad.length} of ${outcomes.length} checks did not pass (${bad[0]?.rule})`);
}
