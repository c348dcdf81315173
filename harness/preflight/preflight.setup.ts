import { test as setup } from '@playwright/test';
import { runSettings } from '../config/run';
import { UndiciTransport } from '../http/transport';
import { providersByName } from '../provider/discover';

/** The declared providers, found where the run's composition root looks for them. */
const providers = providersByName();
import { PREFLIGHT_FAILED } from './preflight';

/**
 * Runs before a provider's suite (a Playwright setup project). When the target cannot be reached or refuses
 * our credentials, this one test fails with one message and the suite does not run at all, instead of every
 * test failing on its own. Requests go over our own transport, never Playwright's, whose report steps would
 * show a credential carried in a query.
 */
setup('the target answers and accepts our credentials', async ({}, testInfo) => {
  const use = testInfo.project.use as { provider?: string; targetUrlOverride?: string };
  const provider = providers[use.provider ?? '']!;
  const settings = provider.settings(use.targetUrlOverride);
  const variable = Object.keys(settings.shown)[0] ?? 'the base URL';
  const http = new UndiciTransport(runSettings().maxResponseBytes);
  try {
    try {
      // Any HTTP answer will do here: only a missing answer stops the run.
      await http.send({ method: 'GET', url: settings.baseUrl, headers: {}, timeoutMs: 10_000 });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      const why = err.code ?? (err.message ?? String(e)).split('\n')[0];
      throw new Error(`${PREFLIGHT_FAILED} ${variable}=${settings.baseUrl} does not answer (${why}). Is the server running, and is the URL right?`);
    }
    const problem = await provider.preflight?.(settings, http);
    if (problem) throw new Error(`${PREFLIGHT_FAILED} ${problem}`);
  } finally {
    await http.close();
  }
});
