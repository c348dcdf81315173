import { coviuMock } from './coviu-mock';
import { COVIU_MOCK_TOKEN_TTL_S } from './options';
import { COVIU_MOCK_API_KEY, COVIU_MOCK_API_SECRET } from './defaults';
import { call, seeded, startMock, type SafetyTarget, type SafetyDeclaration } from '../core/safety-target';

interface Session {
  session_id: string;
  session_name?: string | null;
  start_time: string;
  canceled_time?: string | null;
}

const HOUR = 3_600_000;

/**
 * Coviu: a foreign session in the future, with participants. Sessions are canceled, never deleted; a started
 * one cannot be canceled. So the run's sessions must each be canceled, or have started before the run ended and
 * been refused a cancel (the run tried; the API does not allow it).
 */
export async function coviuTarget(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(coviuMock({ apiKey: COVIU_MOCK_API_KEY, apiSecret: COVIU_MOCK_API_SECRET, tokenTtlS: COVIU_MOCK_TOKEN_TTL_S }), faults);
  const basic = Buffer.from(`${COVIU_MOCK_API_KEY}:${COVIU_MOCK_API_SECRET}`).toString('base64');
  // A fresh token for every read: the mock's tokens live 20 s, shorter than a run.
  const bearer = async () => {
    const res = await call(`${mock.url}/auth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    return { authorization: `Bearer ${seeded('POST /auth/token', res, (res.json as { access_token?: string }).access_token)}`, 'content-type': 'application/json' };
  };
  const get = async (id: string) => (await call(`${mock.url}/sessions/${id}?deleted_participants=true`, { headers: await bearer() })).json as Session;
  let foreignId = '';
  const runSessionIds = () =>
    mock.runExchanges().flatMap((e) => {
      const id = (e.answer as Partial<Session> | undefined)?.session_id;
      return e.method === 'POST' && e.path === '/sessions' && e.status < 300 && typeof id === 'string' ? [id] : [];
    });
  /** A cancel the run sent for the session and the target refused (the session had started). */
  const cancelRefused = (id: string) => mock.runExchanges().some((e) => e.method === 'DELETE' && e.path === `/sessions/${id}` && e.status >= 400 && e.status < 500);
  const classify = async (run: { endedAt: number }) => {
    const left: string[] = [];
    const started: string[] = [];
    for (const id of runSessionIds()) {
      const s = await get(id);
      if (s.canceled_time) continue;
      const line = `session ${id} "${s.session_name ?? ''}" starting ${s.start_time}, not canceled`;
      if (Date.parse(s.start_time) <= run.endedAt && cancelRefused(id)) started.push(`${line}: it had started, and its cancel was refused`);
      else left.push(line);
    }
    return { left, started };
  };

  const target: SafetyTarget = {
    provider: 'coviu',
    recording: mock.recording,
    env: { COVIU_BASE_URL: mock.url, COVIU_API_KEY: COVIU_MOCK_API_KEY, COVIU_API_SECRET: COVIU_MOCK_API_SECRET, COVIU_BASELINE: '' },
    async seedForeign() {
      const start = Math.ceil((Date.now() + HOUR) / 1000) * 1000;
      const body = {
        session_name: 'Dr Someone Else: follow-up',
        start_time: new Date(start).toISOString(),
        end_time: new Date(start + HOUR).toISOString(),
        participants: [{ display_name: 'Dr Someone Else', role: 'host' }, { display_name: 'A Patient', role: 'guest', state: 'waiting' }],
      };
      const res = await call(`${mock.url}/sessions`, { method: 'POST', headers: await bearer(), body: JSON.stringify(body) });
      foreignId = seeded('POST /sessions', res, (res.json as Partial<Session> | undefined)?.session_id);
      mock.markSeeded();
      return this.readForeign();
    },
    readForeign: () => get(foreignId),
    leftovers: async (run) => (await classify(run)).left,
    undeletable: async (run) => (await classify(run)).started,
    holdsData: (e) => e.method === 'POST' && e.path === '/sessions' && e.status < 300,
    close: () => mock.close(),
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  // Its runs wait for real session starts and ends, the longest of all: scheduled first, they do not trail.
  order: 0,
  start: coviuTarget,
  failingFaults: ['update-not-persisted', 'participant-update-ignored'],
  interruptAfter: 15,
};
