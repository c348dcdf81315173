import { expect, test } from '@playwright/test';
import { FaultSet, defineFaults, type FaultName } from '../../mocks/core/faults';
import { MockServer } from '../../mocks/core/mock-server';

const demoFaults = defineFaults('demo', [
  { name: 'text-content-type', rule: 'demo.json-content-type', description: 'JSON bodies are sent as text/plain' },
  { name: 'drops-id', rule: 'demo.schema', description: 'the id is left out' },
], { textContentType: 'text-content-type' });

test.describe('mock faults', () => {
  test('fault names are typed: a misspelt name does not compile', () => {
    const faults = FaultSet.fromEnv('demo', 'demo.drops-id', demoFaults.names);
    expect(faults.has('drops-id')).toBe(true);
    // @ts-expect-error a fault the catalogue does not declare
    expect(faults.has('drop-id')).toBe(false);
    const name: FaultName<typeof demoFaults> = 'text-content-type';
    expect(demoFaults.names.has(name)).toBe(true);
  });

  test('the text/plain fault is applied by the mock server to every JSON answer, routes and refusals alike', async () => {
    const server = new MockServer({
      faults: demoFaults,
      newState: () => ({}),
      before: (req) => (req.path === '/refused' ? { status: 401, body: { message: 'no' } } : undefined),
      routes: [{ method: 'GET', pattern: /^\/thing$/, handle: () => ({ status: 200, body: { id: 'x' } }) }],
    }, '');
    const port = await server.listen(0);
    try {
      for (const path of ['/thing', '/refused', '/missing']) {
        const clean = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(clean.headers.get('content-type'), path).toBe('application/json');
        const faulty = await fetch(`http://127.0.0.1:${port}/__fault/text-content-type${path}`);
        expect(faulty.headers.get('content-type'), path).toMatch(/^text\/plain/);
        expect(await faulty.json(), path).toEqual(await clean.json());
      }
    } finally {
      await server.close();
    }
  });
});
