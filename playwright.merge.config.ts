import { defineConfig } from '@playwright/test';
import { reportRulesWhateverTheReporters } from './harness/reporting/always-on';
import { loadEnv } from './harness/config/env';
import { runSettings } from './harness/config/run';

/**
 * Reporters for `npx playwright merge-reports --config playwright.merge.config.ts <blob dir>`: joins the blob
 * reports of a sharded run (`--shard=i/n --reporter=blob`, one per machine) into the reports one unsharded
 * run writes. Keep in step with the reporters of playwright.config.ts. Run it with the same environment as
 * the shards (targets, secrets, CONFORMANCE_REPORT_DIR): the reports show the targets and scrub the secrets
 * from it.
 */
loadEnv();
// Added after every other reporter, whatever the command line names: it may turn a passed run into a failed one.
reportRulesWhateverTheReporters();
const run = runSettings();

export default defineConfig({
  reporter: [
    ['list'],
    ['html', { outputFolder: `${run.reportDir}/playwright-html`, open: 'never' }],
    ['junit', { outputFile: `${run.reportDir}/junit.xml` }],
    ['./harness/reporting/allure-reporter.ts', { resultsDir: `${run.reportDir}/allure-results` }],
  ],
});
