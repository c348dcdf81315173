import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigError } from '../../harness/config/env';
import { baseline, seconds, secret, text, url } from '../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../harness/provider/define';
import { g4Contract } from '../../contracts/g4';
import { G4_MOCK_DEFAULTS } from '../../mocks/g4/defaults';
import { g4Faults } from '../../mocks/g4/faults';

const required = (name: string) => `${name} must be set when G4_BASE_URL names a real target`;

/** The credential part of an Authorization value (`apikey K` → `K`), redacted on its own as well. */
function credentialOf(authorization: string | undefined): string | undefined {
  return authorization?.replace(/^\S+\s+/, '');
}

/** `apikey … ` for the config echo; nothing when the value has no scheme word (it would be the secret). */
function schemeOf(authorization: string): string {
  const m = /^(\S+)\s+\S/.exec(authorization);
  return m ? `${m[1]} … ` : '';
}

export const g4Provider = defineProvider({
  name: 'g4',
  position: 4,
  title: 'G4',
  contract: g4Contract,
  variables: {
    baseUrl: url('G4_BASE_URL', { doc: 'the service root', defaultDoc: 'bundled mock', example: 'https://g4-dev.v1.mrcapi.net' }),
    /** The whole `Authorization` header value (`apikey …`, `bearer …`); without one the auth rule is skipped. */
    authorization: secret('G4_AUTHORIZATION', {
      doc: 'the whole `Authorization` header value (`apikey …`, `bearer …`); without it the auth rule is skipped',
      example: 'apikey <key>',
      mock: G4_MOCK_DEFAULTS.authorization,
      shown: (v) => `${schemeOf(v)}(set)`,
      parts: (v) => [credentialOf(v)!],
      sample: (distinct) => `apikey ${distinct}`,
    }),
    /** Tenant the suite works in (`x-g4-tenant`). */
    tenant: text('G4_TENANT', { doc: 'two tenants for `x-g4-tenant` (isolation rules skipped without the second)', mock: G4_MOCK_DEFAULTS.tenant, required: required('G4_TENANT') }),
    /** A second tenant, to prove isolation; without one the tenant-isolation rules are skipped. */
    otherTenant: text('G4_OTHER_TENANT', { doc: 'two tenants for `x-g4-tenant` (isolation rules skipped without the second)', mock: G4_MOCK_DEFAULTS.otherTenant }),
    /** Valid credentials in `tenant`. */
    username: text('G4_USERNAME', { doc: 'valid credentials for `POST /session`', mock: G4_MOCK_DEFAULTS.username, required: required('G4_USERNAME') }),
    password: secret('G4_PASSWORD', { doc: 'valid credentials for `POST /session`', mock: G4_MOCK_DEFAULTS.password, required: required('G4_PASSWORD') }),
    /** The target's sliding session TTL (seconds, decimals allowed); without one the TTL rules are skipped. */
    sessionTtlS: seconds('G4_SESSION_TTL_S', { doc: "the target's sliding session TTL; unset on a real target → the TTL rules are skipped", mock: G4_MOCK_DEFAULTS.sessionTtlS }),
    baseline: baseline('G4_BASELINE'),
  },
  settings(v) {
    if (v.otherTenant !== undefined && v.otherTenant === v.tenant) throw new ConfigError('G4_OTHER_TENANT must differ from G4_TENANT');
    return {
      authorization: v.authorization,
      tenant: v.tenant!,
      otherTenant: v.otherTenant,
      username: v.username!,
      password: v.password!,
      /** The target's sliding session TTL; without one the TTL rules are skipped. */
      sessionTtlMs: v.sessionTtlS === undefined ? undefined : Math.round(v.sessionTtlS * 1000),
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
  mock: { module: resolve(__dirname, '../../mocks/g4/index.ts'), faults: g4Faults },
});

export type G4Settings = SettingsOf<typeof g4Provider>;
