import { jupyterMock } from './jupyter-mock';
import { JUPYTER_MOCK_TOKEN } from './defaults';
import { call, seeded, startMock, type SafetyTarget, type SafetyDeclaration } from '../core/safety-target';

interface Session {
  id: string;
  path: string;
}

/** Jupyter: a foreign notebook session. The list shows everything the server holds, and every session can be deleted. */
export async function jupyterTarget(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(jupyterMock({ token: JUPYTER_MOCK_TOKEN }), faults);
  const headers = { authorization: `token ${JUPYTER_MOCK_TOKEN}`, 'content-type': 'application/json' };
  const list = async () => (await call(`${mock.url}/api/sessions`, { headers })).json as Session[];
  let foreignId = '';

  const target: SafetyTarget = {
    provider: 'jupyter',
    recording: mock.recording,
    env: { JUPYTER_BASE_URL: mock.url, JUPYTER_TOKEN: JUPYTER_MOCK_TOKEN, JUPYTER_BASELINE: '' },
    async seedForeign() {
      const body = { path: 'someone-else/analysis.ipynb', name: 'analysis', type: 'notebook', kernel: { name: 'python3' } };
      const res = await call(`${mock.url}/api/sessions`, { method: 'POST', headers, body: JSON.stringify(body) });
      foreignId = seeded('POST /api/sessions', res, (res.json as Partial<Session> | undefined)?.id);
      mock.markSeeded();
      return this.readForeign();
    },
    // As the list shows it: the list holds everything the server has, so leftovers are the rest of it.
    readForeign: async () => (await list()).filter((s) => s.id === foreignId),
    leftovers: async () => (await list()).filter((s) => s.id !== foreignId).map((s) => `session ${s.id} (path ${s.path})`),
    undeletable: async () => [],
    holdsData: (e) => e.method === 'POST' && e.path === '/api/sessions' && e.status === 201,
    close: () => mock.close(),
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  start: jupyterTarget,
  failingFaults: ['patch-not-persisted', 'location-missing'],
  interruptAfter: 7,
};
