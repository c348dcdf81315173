/** The token the bundled mock requires when MEMO_TOKEN is unset. Not a secret: the mock is ours. */
export const MEMO_MOCK_TOKEN = 'mock-memo-token';
