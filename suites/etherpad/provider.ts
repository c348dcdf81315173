import { resolve } from 'node:path';
import { baseline, integer, secret, url } from '../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../harness/provider/define';
import { etherpadContract } from '../../contracts/etherpad';
import { ETHERPAD_MOCK_API_KEY, MOCK_API_ROOT } from '../../mocks/etherpad/defaults';
import { etherpadFaults } from '../../mocks/etherpad/faults';

export const etherpadProvider = defineProvider({
  name: 'etherpad',
  position: 2,
  title: 'Etherpad (the versioned API root)',
  contract: etherpadContract,
  variables: {
    baseUrl: url('ETHERPAD_BASE_URL', { doc: 'the versioned API root, e.g. `http://127.0.0.1:9001/api/1.2.15`', defaultDoc: 'bundled mock', example: 'http://127.0.0.1:9001/api/1.2.15' }),
    /** Sent as the query parameter `apikey` on every request. */
    apiKey: secret('ETHERPAD_API_KEY', {
      doc: 'sent as query parameter (GET) or body field (POST) `apikey`; required with a real URL',
      defaultDoc: "the mock's key",
      mock: ETHERPAD_MOCK_API_KEY,
      mockShown: '(unset: the mock key)',
      required: 'ETHERPAD_BASE_URL is set but ETHERPAD_API_KEY is not: every Etherpad API call needs the key (APIKEY.txt of the server)',
    }),
    baseline: baseline('ETHERPAD_BASELINE', { example: 'etherpad-1.8.14' }),
    /**
     * Seconds on either side of the target's "now" for the validUntil timing rule. Must exceed the clock
     * estimate's uncertainty (about 1 s plus half a round trip).
     */
    timeMarginS: integer('ETHERPAD_TIME_MARGIN_S', { doc: 'window around the target\'s "now" for the validUntil timing rule', default: 5, min: 2 }),
  },
  // The override (self-proof) names a mock root such as …/__fault/<name>; the API sits below it.
  baseUrl: (ctx) =>
    ctx.targetUrlOverride !== undefined ? `${ctx.targetUrlOverride.replace(/\/+$/, '')}${MOCK_API_ROOT}` : (ctx.configured ?? `${ctx.mockUrl}${MOCK_API_ROOT}`),
  settings: (v) => ({ apiKey: v.apiKey!, timeMarginS: v.timeMarginS }),
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
  mock: { module: resolve(__dirname, '../../mocks/etherpad/index.ts'), faults: etherpadFaults },
});

export type EtherpadSettings = SettingsOf<typeof etherpadProvider>;
