import { resolve } from 'node:path';
import { ConfigError } from '../../harness/config/env';
import { baseline, integer, secret, url } from '../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../harness/provider/define';
import { coviuContract } from '../../contracts/coviu';
import { COVIU_MOCK_API_KEY, COVIU_MOCK_API_SECRET } from '../../mocks/coviu/defaults';
import { coviuFaults } from '../../mocks/coviu/faults';

/** How the timing rules place sessions on the target's clock. */
export interface CoviuTiming {
  /** A new session starts this long after the target's "now". */
  readonly leadMs: number;
  /** … and ends this long after its start. */
  readonly durationMs: number;
  /** Nothing is concluded this close to a start or an end: latency, clock skew, the Date header's 1 s grain. */
  readonly toleranceMs: number;
}

const CREDENTIALS_NEEDED = 'COVIU_BASE_URL is set: COVIU_API_KEY and COVIU_API_SECRET are needed too (OAuth2 client credentials)';

export const coviuProvider = defineProvider({
  name: 'coviu',
  position: 5,
  title: 'Coviu',
  contract: coviuContract,
  variables: {
    baseUrl: url('COVIU_BASE_URL', { doc: 'the API root, e.g. `http://127.0.0.1:4010/v1`', defaultDoc: 'bundled mock', example: 'http://127.0.0.1:4010/v1' }),
    apiKey: secret('COVIU_API_KEY', { doc: 'OAuth2 client credentials (`POST <base>/auth/token`, Basic auth); the bearer is renewed before it expires', mock: COVIU_MOCK_API_KEY, mockShown: '(mock default)', required: CREDENTIALS_NEEDED }),
    apiSecret: secret('COVIU_API_SECRET', { doc: 'OAuth2 client credentials (`POST <base>/auth/token`, Basic auth); the bearer is renewed before it expires', mock: COVIU_MOCK_API_SECRET, mockShown: '(mock default)', required: CREDENTIALS_NEEDED }),
    baseline: baseline('COVIU_BASELINE'),
    leadMs: integer('COVIU_START_LEAD_MS', { doc: "how far ahead the run's sessions start (≥ tolerance + 1000)", default: 3_000, min: 1_000 }),
    durationMs: integer('COVIU_SESSION_DURATION_MS', { doc: 'how long they last (≥ 2 × tolerance + 500)', default: 5_000, min: 1_000 }),
    toleranceMs: integer('COVIU_CLOCK_TOLERANCE_MS', { doc: 'latency and clock-skew tolerance around a start or end', default: 1_000, min: 100 }),
    /** Bound on the pages walked through an unfiltered list (a live account may hold many sessions). */
    maxListPages: integer('COVIU_LIST_MAX_PAGES', { doc: 'bound on pages walked through the unfiltered list', default: 25, min: 1 }),
  },
  settings(v) {
    const { leadMs, durationMs, toleranceMs } = v;
    // A scheduled and a started stretch must remain once the tolerance is cut off both ends of them.
    if (leadMs < toleranceMs + 1_000) {
      throw new ConfigError(`COVIU_START_LEAD_MS=${leadMs} must be at least COVIU_CLOCK_TOLERANCE_MS + 1000 (${toleranceMs + 1_000})`);
    }
    if (durationMs < 2 * toleranceMs + 500) {
      throw new ConfigError(`COVIU_SESSION_DURATION_MS=${durationMs} must be at least 2 × COVIU_CLOCK_TOLERANCE_MS + 500 (${2 * toleranceMs + 500})`);
    }
    const timing: CoviuTiming = { leadMs, durationMs, toleranceMs };
    return { apiKey: v.apiKey!, apiSecret: v.apiSecret!, timing, maxListPages: v.maxListPages };
  },
  /** Client credentials the token endpoint refuses would fail every check: say so once. */
  async preflight(settings, http) {
    const res = await http.send({
      method: 'POST',
      url: `${settings.baseUrl}/auth/token`,
      headers: {
        authorization: `Basic ${Buffer.from(`${settings.apiKey}:${settings.apiSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: Buffer.from(new URLSearchParams({ grant_type: 'client_credentials' }).toString()),
      timeoutMs: 10_000,
    });
    if (res.status === 200) return undefined;
    return `the token endpoint refuses COVIU_API_KEY / COVIU_API_SECRET (POST /auth/token answered ${res.status}); check them, and that COVIU_BASE_URL ends in the API root (e.g. …/v1)`;
  },
  mock: { module: resolve(__dirname, '../../mocks/coviu/index.ts'), faults: coviuFaults },
  // As suites/coviu/lifecycle-model.spec.ts runs its model against the mock.
  runs: { lifecycleModel: 3 },
  // Side by side: its lifecycle model and its finished-session test wait for real starts and ends.
  workers: 2,
});

export type CoviuSettings = SettingsOf<typeof coviuProvider>;
