import { g4Mock } from './g4-mock';
import { G4_MOCK_DEFAULTS } from './defaults';
import { call, seeded, startMock, type SafetyTarget, type SafetyDeclaration } from '../core/safety-target';

/**
 * Sessions live ten minutes here, longer than any run: a run's session that is gone was deleted, not expired,
 * and the foreign ones cannot expire. The child run is not told the TTL (G4_SESSION_TTL_S unset on a target that
 * is not its bundled mock), so it skips the TTL rules instead of waiting ten minutes.
 */
const TTL_MS = 10 * 60_000;

const { authorization, tenant, otherTenant, username, password } = G4_MOCK_DEFAULTS;

/**
 * G4: a foreign session with data in each of the two tenants the run works in. The API cannot list sessions, so
 * the run's sessions are the ids the target handed out to it, read back one by one; every read goes through
 * /static-session, which does not refresh the sliding TTL.
 */
export async function g4Target(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(g4Mock({ authorization, tenants: [tenant, otherTenant], username, password, ttlMs: TTL_MS }), faults);
  const headers = (t: string) => ({ authorization, 'x-g4-tenant': t, accept: 'application/json', 'content-type': 'application/json' });
  const readStatic = (t: string, id: string) => call(`${mock.url}/static-session/${encodeURIComponent(id)}`, { headers: headers(t) });
  const foreign: { tenant: string; id: string }[] = [];
  const runSessions = () =>
    mock.runExchanges().flatMap((e) => {
      const id = (e.answer as { sessionId?: unknown } | undefined)?.sessionId;
      const t = e.headers['x-g4-tenant'];
      return e.method === 'POST' && e.path === '/session' && typeof id === 'string' && id ? [{ id, tenant: typeof t === 'string' ? t : '' }] : [];
    });

  const target: SafetyTarget = {
    provider: 'g4',
    recording: mock.recording,
    env: {
      G4_BASE_URL: mock.url,
      G4_AUTHORIZATION: authorization,
      G4_TENANT: tenant,
      G4_OTHER_TENANT: otherTenant,
      G4_USERNAME: username,
      G4_PASSWORD: password,
      G4_SESSION_TTL_S: '',
      G4_BASELINE: '',
    },
    async seedForeign() {
      for (const t of [tenant, otherTenant]) {
        const data = { owner: 'someone else', tenant: t, basket: [1, 2, { sku: 'x-1', note: null }], active: true };
        const res = await call(`${mock.url}/session`, { method: 'POST', headers: headers(t), body: JSON.stringify({ username, password, data }) });
        foreign.push({ tenant: t, id: seeded('POST /session', res, (res.json as { sessionId?: string }).sessionId) });
      }
      mock.markSeeded();
      return this.readForeign();
    },
    readForeign: async () => Promise.all(foreign.map(async (f) => ({ ...f, ...(await readStatic(f.tenant, f.id)) }))),
    async leftovers() {
      const left: string[] = [];
      for (const s of runSessions()) {
        // A session opened without a tenant (only a faulty target allows it) is read in the run's tenant.
        const res = await readStatic(s.tenant || tenant, s.id);
        if (res.status === 200) left.push(`session ${s.tenant}/${s.id}`);
      }
      return left;
    },
    undeletable: async () => [],
    holdsData: (e) => e.method === 'POST' && e.path === '/session' && typeof (e.answer as { sessionId?: unknown } | undefined)?.sessionId === 'string',
    close: () => mock.close(),
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  start: g4Target,
  failingFaults: ['put-merges', 'text-json-415'],
  interruptAfter: 5,
};
