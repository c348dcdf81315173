import { randomUUID } from 'node:crypto';
import { ConfigError, envString, envUrl } from '../../harness/config/env';
import type { ProviderDefinition } from '../../harness/fixtures/conformance';
import type { TargetSettings } from '../../harness/provider';
import { g4Contract } from '../../contracts/g4';
import { mockUrl } from '../../mocks/ports';

export interface G4Settings extends TargetSettings {
  /** The whole `Authorization` header value (`apikey …`, `bearer …`); without one the auth rule is skipped. */
  readonly authorization?: string;
  /** Tenant the suite works in (`x-g4-tenant`). */
  readonly tenant: string;
  /** A second tenant, to prove isolation; without one the tenant-isolation rules are skipped. */
  readonly otherTenant?: string;
  /** Valid credentials in `tenant`. */
  readonly username: string;
  readonly password: string;
  /** The target's sliding session TTL; without one the TTL rules are skipped. */
  readonly sessionTtlMs?: number;
}

/**
 * What the bundled mock accepts when G4_BASE_URL is unset and the variable is unset too. Not secrets: the
 * mock is ours. The TTL is short so the timing rules run in seconds; G4_SESSION_TTL_S changes it for the
 * mock and the suite alike.
 */
export const G4_MOCK_DEFAULTS = {
  authorization: 'apikey mock-g4-api-key',
  tenant: 'conformance-a',
  otherTenant: 'conformance-b',
  username: 'conformance@mock.g4',
  password: 'mock-g4-password',
  sessionTtlS: 3,
} as const;

/** G4_SESSION_TTL_S: seconds, decimals allowed (a mock may run with 1.5). */
export function envSeconds(name: string): number | undefined {
  const v = envString(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name}="${v}" must be a positive number of seconds`);
  return n;
}

function required(name: string, value: string | undefined): string {
  if (value === undefined) throw new ConfigError(`${name} must be set when G4_BASE_URL names a real target`);
  return value;
}

/** The credential part of an Authorization value (`apikey K` → `K`), redacted on its own as well. */
function credentialOf(authorization: string | undefined): string | undefined {
  return authorization?.replace(/^\S+\s+/, '');
}

/** `apikey … ` for the config echo; nothing when the value has no scheme word (it would be the secret). */
function schemeOf(authorization: string): string {
  const m = /^(\S+)\s+\S/.exec(authorization);
  return m ? `${m[1]} … ` : '';
}

export const g4Provider: ProviderDefinition<G4Settings> = {
  contract: g4Contract,
  settings(targetUrlOverride) {
    const configured = envUrl('G4_BASE_URL');
    const usesMock = configured === undefined;
    const baseUrl = targetUrlOverride ?? configured ?? mockUrl('g4');
    const mock = (value: string | undefined, fallback: string) => value ?? (usesMock ? fallback : undefined);
    const authorization = mock(envString('G4_AUTHORIZATION'), G4_MOCK_DEFAULTS.authorization);
    const tenant = required('G4_TENANT', mock(envString('G4_TENANT'), G4_MOCK_DEFAULTS.tenant));
    const otherTenant = mock(envString('G4_OTHER_TENANT'), G4_MOCK_DEFAULTS.otherTenant);
    const username = required('G4_USERNAME', mock(envString('G4_USERNAME'), G4_MOCK_DEFAULTS.username));
    const password = required('G4_PASSWORD', mock(envString('G4_PASSWORD'), G4_MOCK_DEFAULTS.password));
    const ttlS = envSeconds('G4_SESSION_TTL_S') ?? (usesMock ? G4_MOCK_DEFAULTS.sessionTtlS : undefined);
    if (otherTenant !== undefined && otherTenant === tenant) throw new ConfigError('G4_OTHER_TENANT must differ from G4_TENANT');
    const baseline = envString('G4_BASELINE');
    return {
      baseUrl,
      usesMock,
      authorization,
      tenant,
      otherTenant,
      username,
      password,
      sessionTtlMs: ttlS === undefined ? undefined : Math.round(ttlS * 1000),
      baseline,
      secrets: [authorization, credentialOf(authorization), password].filter((s): s is string => s !== undefined),
      shown: {
        G4_BASE_URL: baseUrl + (usesMock ? ' (bundled mock)' : ''),
        G4_AUTHORIZATION: authorization ? `${schemeOf(authorization)}(set)` : '(unset)',
        G4_TENANT: tenant,
        G4_OTHER_TENANT: otherTenant ?? '(unset)',
        G4_USERNAME: username,
        G4_PASSWORD: '(set)',
        G4_SESSION_TTL_S: ttlS === undefined ? '(unset)' : String(ttlS),
        G4_BASELINE: baseline ?? '(none)',
      },
    };
  },
  /**
   * Authorization or tenant trouble would fail every check: say so once. A static read of an id nobody has
   * changes nothing (no session, no login attempt, no TTL touched).
   */
  async preflight(settings, http) {
    const res = await http.send({
      method: 'GET',
      url: `${settings.baseUrl}/static-session/${randomUUID()}`,
      headers: { accept: 'application/json', 'x-g4-tenant': settings.tenant, ...(settings.authorization ? { authorization: settings.authorization } : {}) },
      timeoutMs: 10_000,
    });
    const status = res.status;
    if (status === 401 || status === 403) {
      return settings.authorization
        ? `the server refuses G4_AUTHORIZATION (GET /static-session/{id} answered ${status}); check the whole header value, e.g. "apikey <key>"`
        : `the server requires an Authorization (GET /static-session/{id} answered ${status}); set G4_AUTHORIZATION`;
    }
    if (status === 400) {
      const why = res.headers['x-g4-error'] ?? 'no x-g4-error header';
      return `the server refuses tenant G4_TENANT=${settings.tenant} (GET /static-session/{id} answered 400: ${why}); check G4_TENANT`;
    }
    return undefined;
  },
};
