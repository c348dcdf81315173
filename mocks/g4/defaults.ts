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
