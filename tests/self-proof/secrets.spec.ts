import { expect, test } from '@playwright/test';
import { discoverProviders } from '../../harness/provider/discover';
import { runSuite } from '../support/run-suite';
import { filesUnder, mustBreakingFaults, secretLeaks, secretSamples } from '../support/secrets-proof';

/**
 * With distinctive secret values configured, and faults switched on so that rules fail and transcripts are
 * attached, no file the run writes (conformance reports, rules.json, JUnit, Playwright's HTML report, Allure
 * results, attachments, logs) holds a secret in any of its usual encodings, nor does the console output.
 */
const providers = discoverProviders();
const SECRETS = secretSamples(providers);

test('no secret reaches a report, an attachment or the console, for every provider, in a run with failures', async () => {
  test.setTimeout(10 * 60_000);
  const run = await runSuite([], { ...SECRETS, MOCK_FAULTS: mustBreakingFaults(providers).join(',') });
  // The faults broke rules, so there is failure evidence to search.
  expect(run.exitCode, run.output.slice(-2000)).toBe(1);
  for (const provider of providers.map((p) => p.name)) {
    expect(run.report(provider).verdict.counts.fail, provider).toBeGreaterThan(0);
  }
  const files = filesUnder(run.reportDir);
  expect(files.some((f) => f.includes('allure-results')), 'Allure results were written').toBe(true);
  expect(files.some((f) => f.includes('allure-results') && f.endsWith('.txt')), 'transcripts were attached').toBe(true);
  expect(files.some((f) => f.endsWith('playwright-html/index.html')), "Playwright's HTML report was written").toBe(true);
  expect(secretLeaks(run, SECRETS)).toEqual([]);
});
