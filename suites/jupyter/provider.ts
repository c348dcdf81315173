import { resolve } from 'node:path';
import { baseline, choice, secret, url } from '../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../harness/provider/define';
import { jupyterContract } from '../../contracts/jupyter';
import { JUPYTER_MOCK_TOKEN } from '../../mocks/jupyter/defaults';
import { jupyterFaults } from '../../mocks/jupyter/faults';
import { withToken } from './jupyter-api';

export const jupyterProvider = defineProvider({
  name: 'jupyter',
  position: 1,
  title: 'Jupyter server',
  contract: jupyterContract,
  variables: {
    baseUrl: url('JUPYTER_BASE_URL', { doc: 'server root (the API is at `/api/sessions`)', defaultDoc: 'bundled mock', example: 'http://127.0.0.1:8888' }),
    /** Sent as `Authorization: token <t>` (or `?token=<t>`, see tokenIn); without one the auth rule is skipped. */
    token: secret('JUPYTER_TOKEN', {
      doc: 'sent as `Authorization: token <t>`; without it the auth rule is skipped',
      defaultDoc: "the mock's token",
      mock: JUPYTER_MOCK_TOKEN,
      mockShown: '(set)',
    }),
    /** Where the token goes: the header, or the query for servers that read it only there (Jupyverse). */
    tokenIn: choice('JUPYTER_TOKEN_IN', { doc: 'where the token goes: `header`, or `query` for servers that read it only there', choices: ['header', 'query'], default: 'header' }),
    baseline: baseline('JUPYTER_BASELINE', { example: 'jupyter-server-1.23.3' }),
  },
  settings: (v): { token?: string; tokenIn: 'header' | 'query' } => ({ token: v.token, tokenIn: v.tokenIn }),
  /** A token the server refuses would fail every check: say so once. */
  async preflight(settings, http) {
    const res = await http.send({ method: 'GET', ...withToken(settings, `${settings.baseUrl}/api/sessions`), timeoutMs: 10_000 });
    if (res.status === 401 || res.status === 403) {
      return settings.token
        ? `the server refuses JUPYTER_TOKEN (GET /api/sessions answered ${res.status}); check the token`
        : `the server requires a token (GET /api/sessions answered ${res.status}); set JUPYTER_TOKEN`;
    }
    return undefined;
  },
  /** `GET /api` answers `{"version": "1.23.3"}` without authentication. */
  async version(settings, http) {
    const res = await http.send({ method: 'GET', url: `${settings.baseUrl}/api`, headers: {}, timeoutMs: 3_000 });
    const body = JSON.parse(res.body.toString('utf8')) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : undefined;
  },
  mock: { module: resolve(__dirname, '../../mocks/jupyter/index.ts'), faults: jupyterFaults },
});

export type JupyterSettings = SettingsOf<typeof jupyterProvider>;
