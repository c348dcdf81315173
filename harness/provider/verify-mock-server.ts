import { MOCK_SERVE_PLAN, type MockServePlan } from './projects';

/**
 * Part of the global setup, after the webServer step: the mock server that answers on the control port must be
 * the one this run asked for. With `reuseExistingServer`, a server of another checkout, or one started with other
 * faults, would otherwise serve the run silently (and a self-proof without its fault passes).
 */
export async function verifyMockServer(): Promise<void> {
  const given = process.env[MOCK_SERVE_PLAN];
  if (!given) return;
  const plan = JSON.parse(given) as MockServePlan;
  if (!plan.mocks.length) return;
  const url = `http://127.0.0.1:${plan.control}/__health`;
  let found: { key?: unknown; mocks?: unknown; failed?: unknown } | undefined;
  try {
    found = (await (await fetch(url)).json()) as typeof found;
  } catch (e) {
    throw new Error(`the bundled mock server does not answer ${url} (${e instanceof Error ? e.message : String(e)})`);
  }
  if (found?.key !== plan.key) {
    throw new Error(
      `the mock server already listening on port ${plan.control} was not started for this run (another checkout, other MOCK_FAULTS, ` +
        `other mocks or settings: key ${String(found?.key)}, expected ${plan.key}). Stop it, or set MOCK_PORT_BASE to free ports.`,
    );
  }
}
