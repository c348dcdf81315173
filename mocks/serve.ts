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
  {
    name: 'etherpad',
    load: async () => {
      const [{ MockServer }, { etherpadMock }, { ETHERPAD_MOCK_API_KEY }] = await Promise.all([
        import('./core/mock-server'), import('./etherpad/etherpad-mock'), import('../suites/etherpad/settings'),
      ]);
      return new MockServer(etherpadMock({ apiKey: envString('ETHERPAD_API_KEY') ?? ETHERPAD_MOCK_API_KEY })) as MockServer<unknown>;
    },
  },
  {
    name: 'webida',
    load: async () => {
      const [{ MockServer }, { webidaMock }, { WEBIDA_MOCK_TOKEN }] = await Promise.all([
        import('./core/mock-server'), import('./webida/webida-mock'), import('../suites/webida/settings'),
      ]);
      return new MockServer(webidaMock({ token: envString('WEBIDA_TOKEN') ?? WEBIDA_MOCK_TOKEN })) as MockServer<unknown>;
    },
  },
  {
    name: 'g4',
    load: async () => {
      const [{ MockServer }, { g4Mock }, { g4MockOptions }] = await Promise.all([
        import('./core/mock-server'), import('./g4/g4-mock'), import('./g4/options'),
      ]);
      return new MockServer(g4Mock(g4MockOptions())) as MockServer<unknown>;
    },
  },
  {
    name: 'coviu',
    load: async () => {
      const [{ MockServer }, { coviuMock }, { coviuMockOptions }] = await Promise.all([
        import('./core/mock-server'), import('./coviu/coviu-mock'), import('./coviu/options'),
      ]);
      return new MockServer(coviuMock(coviuMockOptions())) as MockServer<unknown>;
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
