import { defineConfig, type PlaywrightTestProject } from '@playwright/test';
import type { ConformanceWorkerFixtures } from './harness/fixtures/conformance';
import type { TargetSettings } from './harness/provider';
import { envInt, envString, loadEnv } from './harness/config/env';
import { reportRulesWhateverTheReporters } from './harness/reporting/always-on';
import { pinRunId, runSettings } from './harness/config/run';
import { checkedSettings } from './harness/config/check-settings';
import { preflightProject } from './harness/preflight/preflight';
import { faultUrl, mockUrl, type MockName } from './mocks/ports';
import { mockFaults } from './mocks/registry';
import { providers } from './suites/registry';

loadEnv();
// One run id for the whole run: the workers inherit it.
pinRunId();
// Added after every other reporter, whatever the command line names: it may turn a passed run into a failed one.
reportRulesWhateverTheReporters();
const settings = checkedSettings(providers);
const run = runSettings();
type Project = PlaywrightTestProject<{}, Pick<ConformanceWorkerFixtures<TargetSettings>, 'targetUrlOverride'> & { provider: string }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One project per provider: `npx playwright test --project=jupyter`. Each depends on a preflight setup project
 * that checks the target answers and takes our credentials, so a wrong URL or key is one message, not a
 * hundred failing tests.
 */
const providerProjects: Project[] = Object.keys(providers).flatMap((name) => [
  {
    name: preflightProject(name),
    testDir: './harness/preflight',
    testMatch: 'preflight.setup.ts',
    use: { provider: name, targetUrlOverride: undefined },
    metadata: { provider: name },
  },
  {
    name,
    testDir: `./suites/${name}`,
    dependencies: [preflightProject(name)],
    use: { provider: name, targetUrlOverride: undefined },
    metadata: { provider: name },
  },
]);

/**
 * The self-proof (CONFORMANCE_SELF_PROOF=1): for every mock fault a project that runs only the checks of
 * the fault's rule against the mock's namespace for that fault. All share one mock instance and run in
 * parallel; tests/self-proof asserts each project fails on its rule.
 */
const faultProjects: Project[] =
  envString('CONFORMANCE_SELF_PROOF') === '1'
    ? Object.entries(mockFaults).flatMap(([provider, faults]) => [
        ...faults.list.map((fault) => ({
          name: `${provider}~${fault.name}`,
          testDir: `./suites/${provider}`,
          grep: new RegExp(`${escape(`@${fault.rule}`)}(?=\\s|$)`),
          use: { provider, targetUrlOverride: faultUrl(provider as MockName, fault.name) },
          metadata: { provider, targetUrlOverride: faultUrl(provider as MockName, fault.name) },
        })),
        // Several faults at once, against the whole suite: each must still be caught by its own rule.
        ...faults.together.map((names) => ({
          name: `${provider}~${names.join('+')}`,
          testDir: `./suites/${provider}`,
          use: { provider, targetUrlOverride: faultUrl(provider as MockName, names.join(',')) },
          metadata: { provider, targetUrlOverride: faultUrl(provider as MockName, names.join(',')) },
        })),
      ])
    : [];

const needsMock = Object.values(settings).some((s) => s.usesMock);

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: envInt('CONFORMANCE_WORKERS', 4, 1),
  retries: 0,
  timeout: 60_000,
  // A run is bounded as a whole, whatever the target does.
  globalTimeout: envInt('CONFORMANCE_RUN_TIMEOUT_MS', 20 * 60_000, 1_000),
  outputDir: 'test-results',
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['html', { outputFolder: `${run.reportDir}/playwright-html`, open: 'never' }],
    ['junit', { outputFile: `${run.reportDir}/junit.xml` }],
    // allure-playwright (epic/feature/story = provider/operation/rule); `npm run report` builds the HTML.
    ['./harness/reporting/allure-reporter.ts', { resultsDir: `${run.reportDir}/allure-results` }],
  ],
  use: {
    // API tests need no browser; traces would hold credentials, so they stay off.
    trace: 'off',
  },
  projects: [...providerProjects, ...faultProjects],
  webServer: needsMock
    ? {
        command: 'npx tsx mocks/serve.ts',
        url: `${mockUrl('control')}/__health`,
        reuseExistingServer: !process.env.CI,
        timeout: 30_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
