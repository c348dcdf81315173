import { ConfigError, envInt, envString, envUrl } from '../../harness/config/env';
import type { ProviderDefinition } from '../../harness/fixtures/conformance';
import type { TargetSettings } from '../../harness/provider';
import { coviuContract } from '../../contracts/coviu';
import { mockUrl } from '../../mocks/ports';

/** How the timing rules place sessions on the target's clock. */
export interface CoviuTiming {
  /** A new session starts this long after the target's "now". */
  readonly leadMs: number;
  /** … and ends this long after its start. */
  readonly durationMs: number;
  /** Nothing is concluded this close to a start or an end: latency, clock skew, the Date header's 1 s grain. */
  readonly toleranceMs: number;
}

export interface CoviuSettings extends TargetSettings {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly timing: CoviuTiming;
  /** Bound on the pages walked through an unfiltered list (a live account may hold many sessions). */
  readonly maxListPages: number;
}

/** The client credentials the bundled mock accepts when COVIU_API_KEY/SECRET are unset. Not secrets: the mock is ours. */
export const COVIU_MOCK_API_KEY = 'mock-coviu-key';
export const COVIU_MOCK_API_SECRET = 'mock-coviu-secret';

function timing(): CoviuTiming {
  const toleranceMs = envInt('COVIU_CLOCK_TOLERANCE_MS', 1_000, 100);
  const leadMs = envInt('COVIU_START_LEAD_MS', 3_000, 1_000);
  const durationMs = envInt('COVIU_SESSION_DURATION_MS', 5_000, 1_000);
  // A scheduled and a started stretch must remain once the tolerance is cut off both ends of them.
  if (leadMs < toleranceMs + 1_000) {
    throw new ConfigError(`COVIU_START_LEAD_MS=${leadMs} must be at least COVIU_CLOCK_TOLERANCE_MS + 1000 (${toleranceMs + 1_000})`);
  }
  if (durationMs < 2 * toleranceMs + 500) {
    throw new ConfigError(`COVIU_SESSION_DURATION_MS=${durationMs} must be at least 2 × COVIU_CLOCK_TOLERANCE_MS + 500 (${2 * toleranceMs + 500})`);
  }
  return { leadMs, durationMs, toleranceMs };
}

export const coviuProvider: ProviderDefinition<CoviuSettings> = {
  contract: coviuContract,
  settings(targetUrlOverride) {
    const configured = envUrl('COVIU_BASE_URL');
    const usesMock = configured === undefined;
    const baseUrl = targetUrlOverride ?? configured ?? mockUrl('coviu');
    const apiKey = envString('COVIU_API_KEY') ?? (usesMock ? COVIU_MOCK_API_KEY : undefined);
    const apiSecret = envString('COVIU_API_SECRET') ?? (usesMock ? COVIU_MOCK_API_SECRET : undefined);
    if (apiKey === undefined || apiSecret === undefined) {
      throw new ConfigError('COVIU_BASE_URL is set: COVIU_API_KEY and COVIU_API_SECRET are needed too (OAuth2 client credentials)');
    }
    const baseline = envString('COVIU_BASELINE');
    const t = timing();
    const maxListPages = envInt('COVIU_LIST_MAX_PAGES', 25, 1);
    return {
      baseUrl,
      usesMock,
      apiKey,
      apiSecret,
      timing: t,
      maxListPages,
      baseline,
      secrets: [apiKey, apiSecret],
      shown: {
        COVIU_BASE_URL: baseUrl + (usesMock ? ' (bundled mock)' : ''),
        COVIU_API_KEY: usesMock && !envString('COVIU_API_KEY') ? '(mock default)' : '(set)',
        COVIU_API_SECRET: usesMock && !envString('COVIU_API_SECRET') ? '(mock default)' : '(set)',
        COVIU_BASELINE: baseline ?? '(none)',
        COVIU_START_LEAD_MS: String(t.leadMs),
        COVIU_SESSION_DURATION_MS: String(t.durationMs),
        COVIU_CLOCK_TOLERANCE_MS: String(t.toleranceMs),
        COVIU_LIST_MAX_PAGES: String(maxListPages),
      },
    };
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
};
