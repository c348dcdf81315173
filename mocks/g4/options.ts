import { envString } from '../../harness/config/env';
import { seconds } from '../../harness/config/settings';
import { G4_MOCK_DEFAULTS } from './defaults';
import type { G4MockOptions } from './g4-mock';

/** G4_SESSION_TTL_S as the suite reads it: seconds, decimals allowed. */
const ttl = seconds('G4_SESSION_TTL_S', { doc: 'the mock\'s sliding session TTL', mock: G4_MOCK_DEFAULTS.sessionTtlS });

/**
 * The mock accepts what the suite sends against it: the same G4_* variables, with the same fixed defaults,
 * so a changed G4_SESSION_TTL_S (or password) changes both sides at once.
 */
export function g4MockOptions(): G4MockOptions {
  return {
    authorization: envString('G4_AUTHORIZATION') ?? G4_MOCK_DEFAULTS.authorization,
    tenants: [envString('G4_TENANT') ?? G4_MOCK_DEFAULTS.tenant, envString('G4_OTHER_TENANT') ?? G4_MOCK_DEFAULTS.otherTenant],
    username: envString('G4_USERNAME') ?? G4_MOCK_DEFAULTS.username,
    password: envString('G4_PASSWORD') ?? G4_MOCK_DEFAULTS.password,
    ttlMs: Math.round(ttl.read(envString(ttl.env), true)! * 1000),
  };
}
