/** The token the bundled mock requires when JUPYTER_TOKEN is unset. Not a secret: the mock is ours. */
export const JUPYTER_MOCK_TOKEN = 'mock-jupyter-token';
