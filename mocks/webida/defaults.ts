/** Values the bundled mock uses when the variables are unset. Not secrets: the mock is ours. */
export const WEBIDA_MOCK_TOKEN = 'mock-webida-token';
export const WEBIDA_MOCK_WORKSPACE_ID = 'mock-workspace-1';
export const WEBIDA_MOCK_OTHER_WORKSPACE_ID = 'mock-workspace-2';

/** The mock serves the REST API under `/api`, like Webida servers (swagger basePath). */
export const MOCK_API_PATH = '/api';
