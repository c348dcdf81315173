import { test as setup } from '@playwright/test';
import { providers } from '../../suites/registry';
import { PREFLIGHT_FAILED } from './preflight';

/**
 * Runs before a provider's suite (a Playwright setup project). When the target cannot be reached or refuses
 * our credentials, this one test fails with one message and the suite does not run at all, instead of every
 * test failing on its own.
 */
setup('the target answers and accepts our credentials', async ({ request }, testInfo) => {
  const use = testInfo.project.use as { provider?: string; targetUrlOverride?: string };
  const provider = providers[use.provider ?? '']!;
  const settings = provider.settings(use.targetUrlOverride);
  const variable = Object.keys(settings.shown)[0] ?? 'the base URL';
  try {
    // Any HTTP answer will do here: only a missing answer stops the run.
    await request.get(settings.baseUrl, { timeout: 10_000, maxRedirects: 0, failOnStatusCode: false });
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.replace(/^apiRequestContext\.get: /, '');
    throw new Error(`${PREFLIGHT_FAILED} ${variable}=${settings.baseUrl} does not answer (${why}). Is the server running, and is the URL right?`);
  }
  const problem = await provider.preflight?.(settings, request);
  if (problem) throw new Error(`${PREFLIGHT_FAILED} ${problem}`);
});
