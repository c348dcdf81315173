import { test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { benchClient } from '../bench-client';
import { BENCH_TOKEN, startJupyterMock } from '../jupyter-mock-server';
import { measureRate } from '../request-rate';
import { seedSessions } from '../seed-sessions';

/** Requests per block, and blocks per way of running: block k tells the rate after k × BLOCK earlier requests. */
const BLOCK = Number(process.env.BENCH_PROBE_BLOCK ?? 1_000);
const BLOCKS = Number(process.env.BENCH_PROBE_BLOCKS ?? 3);

/**
 * Our checking client inside a test, where each request also becomes a report step (contract-client.ts
 * `requestStep`): once as the suites run (steps at the test's top level), once with the requests inside one
 * enclosing `test.step`. Rates per block of requests, written to BENCH_PROBE_OUT.
 */
test('checked requests inside a Playwright test', async () => {
  const mock = await startJupyterMock();
  try {
    const ids = await seedSessions(mock.baseUrl, BENCH_TOKEN, 5);
    const rates = async (): Promise<number[]> => {
      const ours = benchClient(mock.baseUrl, BENCH_TOKEN);
      const send = async (i: number) => {
        const res = i % 2 === 0 ? await ours.client.send('listSessions') : await ours.client.send('getSession', { pathParams: { session: ids[i % ids.length]! } });
        if (res.status !== 200) throw new Error(`${res.exchange.method} ${res.exchange.url}: ${res.status}`);
      };
      const out: number[] = [];
      try {
        for (let b = 0; b < BLOCKS; b++) out.push((await measureRate(send, 1, 60_000, BLOCK)).rps);
      } finally {
        await ours.transport.close();
      }
      return out;
    };
    const topLevel = await rates();
    const enclosed = await test.step('all requests in one enclosing step', rates);
    const out = process.env.BENCH_PROBE_OUT;
    if (out) writeFileSync(out, JSON.stringify({ block: BLOCK, topLevel, enclosed }));
  } finally {
    await mock.close();
  }
});
