import { defineConfig } from '@playwright/test';
import { envInt, envString, loadEnv } from './harness/config/env';
import { reportRulesWhateverTheReporters } from './harness/reporting/always-on';
import { WORKERS_VARIABLE, pinRunId, runSettings } from './harness/config/run';
import { checkedSettings } from './harness/config/check-settings';
import { isRunnerProcess } from './harness/config/process-role';
import { discoverProviders, providerFiles, providersByName } from './harness/provider/discover';
import { batchedSelfProof } from './harness/fixtures/fault-copies';
import { MOCK_SERVE_PLAN, conformanceProjects, declaredWorkers, mockServePlan, projectFilters, selectedProviders } from './harness/provider/projects';

loadEnv();
// One run id for the whole run: the workers inherit it.
pinRunId();
// Added after every other reporter, whatever the command line names: it may turn a passed run into a failed one.
reportRulesWhateverTheReporters();
// The composition root: the providers declared in suites/*/provider.ts, handed to the harness from here.
const providers = discoverProviders();
const files = providerFiles();
const names = files.map((f) => f.name);
// CONFORMANCE_SELF_PROOF=1: a project per mock fault; =batched: the same proof, one project per provider.
const batched = batchedSelfProof();
const selfProof = envString('CONFORMANCE_SELF_PROOF') === '1' || batched;
const projects = conformanceProjects(providers, files, { selfProof, batched, names });
// Each worker process loads this file too: what only the runner needs is done there only.
const inRunner = isRunnerProcess();
const filters = inRunner ? projectFilters(process.argv) : [];
const selected = inRunner ? selectedProviders(providers, projects, filters) : [];
if (inRunner) checkedSettings(providersByName(selected));
// Unset, the worker count is what the selected projects declare; the workers read it too (manners.ts splits caps by it).
if (inRunner && envString(WORKERS_VARIABLE) === undefined) process.env[WORKERS_VARIABLE] = String(declaredWorkers(projects, filters));
const run = runSettings();

/** Only the mocks of the projects this command runs, and only those not pointed at a real target. */
const plan = inRunner ? mockServePlan(selected, { selfProof, names }) : undefined;
if (plan) process.env[MOCK_SERVE_PLAN] = JSON.stringify(plan);

export default defineConfig({
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: run.workers,
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
  projects,
  // A reused mock server must be the one this run asked for; each selected target must answer and take our credentials.
  globalSetup: './harness/provider/global-setup.ts',
  webServer: plan?.mocks.length
    ? {
        command: 'npx tsx mocks/serve.ts',
        url: `http://127.0.0.1:${plan.control}/__health`,
        reuseExistingServer: !process.env.CI,
        timeout: 30_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
