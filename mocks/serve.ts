/**
 * Starts the bundled mocks a run asks for on loopback, one port each, plus a control port whose `/__health`
 * tells Playwright's webServer that all are up. The plan (which mocks, which ports, the key) comes from the
 * Playwright config in MOCK_SERVE_PLAN; without one, every provider's mock is started. MOCK_FAULTS switches
 * faults on globally.
 *   npx tsx mocks/serve.ts
 */
import { createServer } from 'node:http';
import { loadEnv } from '../harness/config/env';
import { discoverProviders, providerFiles } from '../harness/provider/discover';
import { MOCK_SERVE_PLAN, mockServePlan, type MockServePlan } from '../harness/provider/projects';
import type { BundledMock } from './core/define-mock';
import type { MockServer } from './core/mock-server';

function plan(): MockServePlan {
  const given = process.env[MOCK_SERVE_PLAN];
  if (given) return JSON.parse(given) as MockServePlan;
  // Started by hand: every provider's mock.
  return mockServePlan(discoverProviders(), { selfProof: true, names: providerFiles().map((f) => f.name) });
}

async function main(): Promise<void> {
  loadEnv();
  const { control: controlPort, mocks, key } = plan();
  const running: { name: string; server: MockServer<unknown> }[] = [];
  const failed: string[] = [];
  // Each mock is loaded on its own, so one that fails to load does not take the others down; the health check says so.
  for (const { name, port, module } of mocks) {
    try {
      const { mock } = (await import(module)) as { mock: BundledMock };
      const server = mock.server();
      const listening = await server.listen(port);
      running.push({ name, server });
      console.log(`mock ${name} listening on http://127.0.0.1:${listening}`);
    } catch (e) {
      failed.push(name);
      console.error(`mock ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  const control = createServer((req, res) => {
    const health = req.url === '/__health';
    res.writeHead(!health ? 404 : failed.length ? 500 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ mocks: running.map((s) => s.name), failed, key }));
  });
  control.listen(controlPort, '127.0.0.1');
  const stop = async () => {
    control.close();
    await Promise.all(running.map((s) => s.server.close()));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
