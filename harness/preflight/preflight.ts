import { runSettings } from '../config/run';
import type { HttpTransport } from '../http/transport';
import { UndiciTransport } from '../http/transport';
import type { Provider } from '../provider/define';

/** Marks the message of a failed preflight, so the reporter can show it as the one reason a suite did not run. */
export const PREFLIGHT_FAILED = 'Preflight failed:';

/** The annotation a test of a provider whose preflight failed carries (it is skipped, for that reason). */
export const PREFLIGHT_ANNOTATION = 'preflight-failed';

/** How the run's global setup hands the preflight results to the workers: JSON, provider → message. */
export const PREFLIGHT_ENV = 'CONFORMANCE_PREFLIGHT';

/**
 * Checks that a provider's target answers and takes our credentials; answers what is wrong, naming the variable
 * to fix, or undefined. Requests go over our own transport, never Playwright's, whose report steps would show a
 * credential carried in a query.
 */
export async function preflight(provider: Provider, http: HttpTransport = new UndiciTransport(runSettings().maxResponseBytes)): Promise<string | undefined> {
  const settings = provider.settings();
  const variable = Object.keys(settings.shown)[0] ?? 'the base URL';
  try {
    try {
      // Any HTTP answer will do here: only a missing answer stops the run.
      await http.send({ method: 'GET', url: settings.baseUrl, headers: {}, timeoutMs: 10_000 });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const why = err.code ?? (err.message ?? String(e)).split('\n')[0];
      return `${PREFLIGHT_FAILED} ${variable}=${settings.baseUrl} does not answer (${why}). Is the server running, and is the URL right?`;
    }
    const problem = await provider.preflight?.(settings, http);
    return problem ? `${PREFLIGHT_FAILED} ${problem}` : undefined;
  } finally {
    await http.close();
  }
}

/** The failed preflights of this run, as the global setup handed them on (provider → message). */
export function failedPreflights(): Readonly<Record<string, string>> {
  const given = process.env[PREFLIGHT_ENV];
  return given ? (JSON.parse(given) as Record<string, string>) : {};
}
