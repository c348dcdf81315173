/** The key the bundled mock requires when ETHERPAD_API_KEY is unset. Not a secret: the mock is ours. */
export const ETHERPAD_MOCK_API_KEY = 'mock-etherpad-apikey';

/** Where the mock serves the API, like Etherpad's versioned root. */
export const MOCK_API_ROOT = '/api/1.2.15';
