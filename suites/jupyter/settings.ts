import { ConfigError, envString, envUrl } from '../../harness/config/env';
import type { ProviderDefinition } from '../../harness/fixtures/conformance';
import type { TargetSettings } from '../../harness/provider';
import { jupyterContract } from '../../contracts/jupyter';
import { mockUrl } from '../../mocks/ports';
import { withToken } from './jupyter-api';

export interface JupyterSettings extends TargetSettings {
  /** Sent as `Authorization: token <t>` (or `?token=<t>`, see tokenIn); without one the auth rule is skipped. */
  readonly token?: string;
  /** Where the token goes: the header, or the query for servers that read it only there (Jupyverse). */
  readonly tokenIn: 'header' | 'query';
}

/** The token the bundled mock requires when JUPYTER_TOKEN is unset. Not a secret: the mock is ours. */
export const JUPYTER_MOCK_TOKEN = 'mock-jupyter-token';

export const jupyterProvider: ProviderDefinition<JupyterSettings> = {
  contract: jupyterContract,
  settings(targetUrlOverride) {
    const configured = envUrl('JUPYTER_BASE_URL');
    const usesMock = configured === undefined;
    const baseUrl = targetUrlOverride ?? configured ?? mockUrl('jupyter');
    const token = envString('JUPYTER_TOKEN') ?? (usesMock ? JUPYTER_MOCK_TOKEN : undefined);
    const baseline = envString('JUPYTER_BASELINE');
    const tokenIn = envString('JUPYTER_TOKEN_IN') ?? 'header';
    if (tokenIn !== 'header' && tokenIn !== 'query') throw new ConfigError(`JUPYTER_TOKEN_IN="${tokenIn}" must be header or query`);
    return {
      tokenIn,
      baseUrl,
      usesMock,
      token,
      baseline,
      secrets: token ? [token] : [],
      shown: {
        JUPYTER_BASE_URL: baseUrl + (usesMock ? ' (bundled mock)' : ''),
        JUPYTER_TOKEN: token ? '(set)' : '(unset)',
        JUPYTER_TOKEN_IN: tokenIn,
        JUPYTER_BASELINE: baseline ?? '(none)',
      },
    };
  },
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
};
