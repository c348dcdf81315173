/**
 * Starts the bundled mocks on loopback, one port each (MOCK_PORT_BASE + n), plus a control port whose
 * `/__health` tells Playwright's webServer that all are up. MOCK_FAULTS switches faults on globally.
 *   npx tsx mocks/serve.ts
 */
import { createServer } from 'node:http';
import { envString, loadEnv } from '../harness/config/env';
import type { MockServer } from './core/mock-server';
import { mockPort, type MockName } from './ports';

/** Each mock is loaded on its own, so one that fails to load does not take the others down. */
const mocks: { name: MockName; load: () => Promise<MockServer<unknown>> }[] = [
  {
    name: 'jupyter',
    load: async () => {
      const [{ MockServer }, { jupyterMock }, { JUPYTER_MOCK_TOKEN }] = await Promise.all([
        import('./core/mock-server'), import('./jupyter/jupyter-mock'), import('../suites/jupyter/settings'),
      ]);
      return new MockServer(jupyterMock({ token: envString('JUPYTER_TOKEN') ?? JUPYTER_MOCK_TOKEN })) as MockServer<unknown>;
    },
  },
];

async function main(): Promise<void> {
  loadEnv();
  const running: { name: string; server: MockServer<unknown> }[] = [];
  for (const { name, load } of mocks) {
    try {
      const server = await load();
      const port = await server.listen(mockPort(name));
      running.push({ name, server });
      console.log(`mock ${name} listening on http://127.0.0.1:${port}`);
    } catch (e) {
      console.error(`mock ${name} failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  const control = createServer((req, res) => {
    res.writeHead(req.url === '/__health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ mocks: running.map((s) => s.name) }));
  });
  control.listen(mockPort('control'), '127.0.0.1');
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
