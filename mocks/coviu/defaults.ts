/** The client credentials the bundled mock accepts when COVIU_API_KEY/SECRET are unset. Not secrets: the mock is ours. */
export const COVIU_MOCK_API_KEY = 'mock-coviu-key';
export const COVIU_MOCK_API_SECRET = 'mock-coviu-secret';
