import { expect, test } from '@playwright/test';
import { MockServer } from '../../mocks/core/mock-server';
import { jupyterMock } from '../../mocks/jupyter/jupyter-mock';
import { freePort } from '../../targets/free-port';
import { runSuite } from '../support/run-suite';

const TOKEN = 'cleanup-test-token';
const auth = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' };

test.describe('safe on a target that holds other data', () => {
  let mock: MockServer<unknown>;
  let base: string;

  test.beforeAll(async () => {
    mock = new MockServer(jupyterMock({ token: TOKEN }), '') as MockServer<unknown>;
    base = `http://127.0.0.1:${await mock.listen(await freePort())}`;
  });
  test.afterAll(async () => mock.close());

  for (const [label, mount] of [['a green run', ''], ['a run with failing rules', '/__fault/patch-not-persisted,location-missing']] as const) {
    test(`after ${label}, the run's sessions are gone and a session it did not create is untouched`, async () => {
      const foreign = { path: 'someone-else/analysis.ipynb', name: 'analysis', type: 'notebook' };
      const created = await fetch(`${base}${mount}/api/sessions`, { method: 'POST', headers: auth, body: JSON.stringify(foreign) });
      const before = (await created.json()) as { id: string };

      const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: `${base}${mount}`, JUPYTER_TOKEN: TOKEN, JUPYTER_BASELINE: '' });
      expect(run.exitCode === 0, run.output.slice(-1500)).toBe(mount === '');

      const left = (await (await fetch(`${base}${mount}/api/sessions`, { headers: auth })).json()) as { id: string; path: string; name: string }[];
      expect(left, 'only the foreign session remains, unchanged').toEqual([expect.objectContaining({ id: before.id, path: foreign.path, name: foreign.name })]);
    });
  }
});

test.describe('baselines cannot go stale', () => {
  test('a baseline listing rules the target keeps turns the run red, naming them', async () => {
    // The mock keeps both rules jupyter-server 1.23.3 breaks, so that baseline is stale against it.
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASELINE: 'jupyter-server-1.23.3' });
    const report = run.report('jupyter');
    expect(run.exitCode).not.toBe(0);
    expect([...report.verdict.staleBaselines].sort()).toEqual(['jupyter.create-same-name-returns-existing', 'jupyter.unnamed-session-schema']);
  });
});
