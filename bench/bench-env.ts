/**
 * The documented configuration (README, "Configuration"), blanked in every child run: the bench measures the
 * bundled mocks with the suites' defaults, whatever the caller's shell or `.env` says. An empty value counts as
 * unset, and dotenv leaves a variable that exists alone, so `.env` cannot fill these in either.
 */
const CONFIGURATION = [
  'JUPYTER_BASE_URL', 'JUPYTER_TOKEN', 'JUPYTER_BASELINE',
  'ETHERPAD_BASE_URL', 'ETHERPAD_API_KEY', 'ETHERPAD_TIME_MARGIN_S', 'ETHERPAD_BASELINE',
  'COVIU_BASE_URL', 'COVIU_API_KEY', 'COVIU_API_SECRET', 'COVIU_START_LEAD_MS', 'COVIU_SESSION_DURATION_MS',
  'COVIU_CLOCK_TOLERANCE_MS', 'COVIU_LIST_MAX_PAGES', 'COVIU_BASELINE',
  'WEBIDA_BASE_URL', 'WEBIDA_SOCKET_URL', 'WEBIDA_TOKEN', 'WEBIDA_WORKSPACE_ID', 'WEBIDA_OTHER_WORKSPACE_ID',
  'WEBIDA_CLOSE_AFTER_S', 'WEBIDA_TIMING_TOLERANCE_MS', 'WEBIDA_CLOSE_GRACE_MS', 'WEBIDA_BASELINE',
  'G4_BASE_URL', 'G4_AUTHORIZATION', 'G4_TENANT', 'G4_OTHER_TENANT', 'G4_USERNAME', 'G4_PASSWORD', 'G4_SESSION_TTL_S',
  'G4_BASELINE',
  'CONFORMANCE_REQUEST_TIMEOUT_MS', 'CONFORMANCE_MAX_RESPONSE_BYTES', 'CONFORMANCE_RUN_TIMEOUT_MS', 'CONFORMANCE_WORKERS',
  'CONFORMANCE_REPORT_DIR', 'CONFORMANCE_RUN_ID', 'CONFORMANCE_SELF_PROOF',
  'CONFORMANCE_MAX_CONCURRENCY', 'CONFORMANCE_MAX_RPS', 'CONFORMANCE_MAX_RETRIES', 'CONFORMANCE_MAX_RETRY_AFTER_S',
  'FC_NUM_RUNS', 'FC_SEED', 'FC_PATH', 'FC_REPLAY_PATH',
  'MOCK_FAULTS', 'MOCK_PORT_BASE',
] as const;

/** The first loopback port this bench may use; child runs take MOCK_PORT_BASE + 0…5 each, 10 apart. */
// Below Linux's ephemeral range (32768–60999), like the default mock ports.
export const BENCH_PORT_BASE = 26300;

/** This process's environment at start, before any measurement changed it. */
const inherited: NodeJS.ProcessEnv = { ...process.env };

/** The environment of a child run: ours with the configuration blanked, then `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const blank = Object.fromEntries(CONFIGURATION.map((name) => [name, '']));
  return { ...inherited, ...blank, PLAYWRIGHT_HTML_OPEN: 'never', ...env };
}

/** Makes this process read the suites' defaults too (the wait chain is computed from them). */
export function useDefaultConfiguration(): void {
  for (const name of CONFIGURATION) process.env[name] = '';
}
