import { discoverProviders } from '../harness/provider/discover';

/**
 * The documented configuration (every provider's declared variables, and the run-wide ones), blanked in every child run: the bench measures the
 * bundled mocks with the suites' defaults, whatever the caller's shell or `.env` says. An empty value counts as
 * unset, and dotenv leaves a variable that exists alone, so `.env` cannot fill these in either.
 */
const CONFIGURATION: readonly string[] = [
  ...discoverProviders().flatMap((p) => p.variables.map((v) => v.env)),
  'CONFORMANCE_REQUEST_TIMEOUT_MS', 'CONFORMANCE_MAX_RESPONSE_BYTES', 'CONFORMANCE_RUN_TIMEOUT_MS', 'CONFORMANCE_WORKERS',
  'CONFORMANCE_REPORT_DIR', 'CONFORMANCE_RUN_ID', 'CONFORMANCE_SELF_PROOF',
  'CONFORMANCE_MAX_CONCURRENCY', 'CONFORMANCE_MAX_RPS', 'CONFORMANCE_MAX_RETRIES', 'CONFORMANCE_MAX_RETRY_AFTER_S',
  'FC_NUM_RUNS', 'FC_SEED', 'FC_PATH', 'FC_REPLAY_PATH',
  'MOCK_FAULTS', 'MOCK_PORT_BASE',
];

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
