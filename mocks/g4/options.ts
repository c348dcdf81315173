import { envString } from '../../harness/config/env';
import { G4_MOCK_DEFAULTS, envSeconds } from '../../suites/g4/settings';
import type { G4MockOptions } from './g4-mock';

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
    ttlMs: Math.round((envSeconds('G4_SESSION_TTL_S') ?? G4_MOCK_DEFAULTS.sessionTtlS) * 1000),
  };
}
