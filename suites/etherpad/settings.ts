import { ConfigError, envInt, envString, envUrl } from '../../harness/config/env';
import type { ProviderDefinition } from '../../harness/fixtures/conformance';
import type { TargetSettings } from '../../harness/provider';
import { etherpadContract } from '../../contracts/etherpad';
import { mockUrl } from '../../mocks/ports';

export interface EtherpadSettings extends TargetSettings {
  /** Sent as the query parameter `apikey` on every request. */
  readonly apiKey: string;
  /**
   * Seconds on either side of the target's "now" for the validUntil timing rule (ETHERPAD_TIME_MARGIN_S).
   * Must exceed the clock estimate's uncertainty (about 1 s plus half a round trip).
   */
  readonly timeMarginS: number;
}

/** The key the bundled mock requires when ETHERPAD_API_KEY is unset. Not a secret: the mock is ours. */
export const ETHERPAD_MOCK_API_KEY = 'mock-etherpad-apikey';

/** Where the mock serves the API, like Etherpad's versioned root. */
export const MOCK_API_ROOT = '/api/1.2.15';

export const etherpadProvider: ProviderDefinition<EtherpadSettings> = {
  contract: etherpadContract,
  settings(targetUrlOverride) {
    const configured = envUrl('ETHERPAD_BASE_URL');
    const usesMock = configured === undefined;
    // The override (self-proof) names a mock root such as …/__fault/<name>; the API sits below it.
    const baseUrl = targetUrlOverride !== undefined ? `${targetUrlOverride.replace(/\/+$/, '')}${MOCK_API_ROOT}` : configured ?? `${mockUrl('etherpad')}${MOCK_API_ROOT}`;
    const key = envString('ETHERPAD_API_KEY');
    if (!usesMock && key === undefined) {
      throw new ConfigError('ETHERPAD_BASE_URL is set but ETHERPAD_API_KEY is not: every Etherpad API call needs the key (APIKEY.txt of the server)');
    }
    const apiKey = key ?? ETHERPAD_MOCK_API_KEY;
    const baseline = envString('ETHERPAD_BASELINE');
    const timeMarginS = envInt('ETHERPAD_TIME_MARGIN_S', 5, 2);
    return {
      baseUrl,
      usesMock,
      apiKey,
      timeMarginS,
      baseline,
      secrets: [apiKey],
      shown: {
        ETHERPAD_BASE_URL: baseUrl + (usesMock ? ' (bundled mock)' : ''),
        ETHERPAD_API_KEY: key ? '(set)' : '(unset: the mock key)',
        ETHERPAD_BASELINE: baseline ?? '(none)',
        ETHERPAD_TIME_MARGIN_S: String(timeMarginS),
      },
    };
  },
  /**
   * A key the server refuses, or a base URL that is not the versioned API root, would fail every check: say so
   * once. getSessionInfo of an id nobody made changes nothing: code 1 means the key was taken, code 4 not.
   */
  async preflight(settings, http) {
    const url = new URL(`${settings.baseUrl}/getSessionInfo`);
    url.searchParams.set('apikey', settings.apiKey);
    url.searchParams.set('sessionID', 's.conformancepreflight');
    const res = await http.send({ method: 'GET', url: url.toString(), headers: {}, timeoutMs: 10_000 });
    let code: unknown;
    try {
      code = (JSON.parse(res.body.toString('utf8')) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (code === 4) return `the server refuses ETHERPAD_API_KEY (getSessionInfo answered ${res.status} code 4); use the key in the server's APIKEY.txt`;
    if (typeof code !== 'number' || code === 3) {
      return `GET ${settings.baseUrl}/getSessionInfo is no Etherpad API answer (HTTP ${res.status}); ETHERPAD_BASE_URL must be the versioned API root, e.g. http://127.0.0.1:9001/api/1.2.15`;
    }
    return undefined;
  },
  /** `GET /api` (beside the versioned root) answers `{"currentVersion": "1.2.15"}` without a key. */
  async version(settings, http) {
    const root = settings.baseUrl.replace(/\/api\/[^/]+\/?$/, '');
    const res = await http.send({ method: 'GET', url: `${root}/api`, headers: {}, timeoutMs: 3_000 });
    const body = JSON.parse(res.body.toString('utf8')) as { currentVersion?: unknown };
    return typeof body.currentVersion === 'string' ? `API ${body.currentVersion}` : undefined;
  },
};
