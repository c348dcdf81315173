/**
 * Starts the bundled mocks on loopback, one port each (MOCK_PORT_BASE + n), plus a control port whose
 * `/__health` tells Playwright's webServer that all are up. MOCK_FAULTS switches faults on globally.
 *   npx tsx mocks/serve.ts
 */
import { createServer } from 'node:http';
import { envString, loadEnv } from '../harness/config/env';
import { JUPYTER_MOCK_TOKEN } from '../suites/jupyter/settings';
import { MockServer } from './core/mock-server';
import { jupyterMock } from './jupyter/jupyter-mock';
import { mockPort } from './ports';

async function main(): Promise<void> {
  loadEnv();
  const servers = [
    { name: 'jupyter', server: new MockServer(jupyterMock({ token: envString('JUPYTER_TOKEN') ?? JUPYTER_MOCK_TOKEN })) },
  ] as const;
  for (const { name, server } of servers) {
    const port = await server.listen(mockPort(name));
    console.log(`mock ${name} listening on http://127.0.0.1:${port}`);
  }
  const control = createServer((req, res) => {
    res.writeHead(req.url === '/__health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ mocks: servers.map((s) => s.name) }));
  });
  control.listen(mockPort('control'), '127.0.0.1');
  const stop = async () => {
    control.close();
    await Promise.all(servers.map((s) => s.server.close()));
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
