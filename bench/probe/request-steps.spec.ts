import { test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { countRequests, RequestTally, reportStep } from '../../harness/http/request-steps';
import { benchClient } from '../bench-client';
import { BENCH_TOKEN, startJupyterMock } from '../jupyter-mock-server';
import { measureRate } from '../request-rate';
import { seedSessions } from '../seed-sessions';

/** Requests per block, and blocks per way of running: block k tells the rate after k × BLOCK earlier requests. */
const BLOCK = Number(process.env.BENCH_PROBE_BLOCK ?? 1_000);
const BLOCKS = Number(process.env.BENCH_PROBE_BLOCKS ?? 3);
/** Requests per property run in the third way: about what a run of the Jupyter model property sends. */
const RUN_SIZE = 10;

/**
 * Our checking client inside a test, where each request also becomes a report step (contract-client.ts
 * `requestStep`): once as a plain test sends them (a step each, at the test's top level), once inside one enclosing
 * `test.step`, and once as a property's search sends them (harness/http/request-steps.ts: one step per run of
 * RUN_SIZE requests, the requests counted in it). Rates per block of requests, written to BENCH_PROBE_OUT.
 */
test('checked requests inside a Playwright test', async () => {
  const mock = await startJupyterMock();
  try {
    const ids = await seedSessions(mock.baseUrl, BENCH_TOKEN, 5);
    const rates = async (grouped = false): Promise<number[]> => {
      const ours = benchClient(mock.baseUrl, BENCH_TOKEN);
      const send = async (i: number) => {
        const res = i % 2 === 0 ? await ours.client.send('listSessions') : await ours.client.send('getSession', { pathParams: { session: ids[i % ids.length]! } });
        if (res.status !== 200) throw new Error(`${res.exchange.method} ${res.exchange.url}: ${res.status}`);
      };
      // As a property's search sends them (inside the search's step): one step per run of RUN_SIZE requests, which
      // are counted in it.
      const sendRun = async (r: number) => {
        const tally = new RequestTally();
        await countRequests(tally, async () => {
          for (let i = 0; i < RUN_SIZE; i++) await send(r * RUN_SIZE + i);
        });
        await reportStep(`run ${r + 1}: ${tally.describe()}`);
      };
      const out: number[] = [];
      try {
        for (let b = 0; b < BLOCKS; b++) {
          out.push(grouped ? RUN_SIZE * (await measureRate(sendRun, 1, 60_000, BLOCK / RUN_SIZE)).rps : (await measureRate(send, 1, 60_000, BLOCK)).rps);
        }
      } finally {
        await ours.transport.close();
      }
      return out;
    };
    const topLevel = await rates();
    const enclosed = await test.step('all requests in one enclosing step', () => rates());
    const propertyRuns = await test.step('a property\'s search', () => rates(true));
    const out = process.env.BENCH_PROBE_OUT;
    if (out) writeFileSync(out, JSON.stringify({ block: BLOCK, topLevel, enclosed, propertyRuns }));
  } finally {
    await mock.close();
  }
});
