import { resolve } from 'node:path';

/**
 * The verdict must not depend on the reporters named on the command line: `--reporter=dot` replaces the
 * config's list, and with it our rule reporter. Playwright adds the reporter named in PW_TEST_REPORTER to
 * whatever list it uses, so the rule summary, the exit status and the per-provider reports come with every run.
 * (tests/self-proof/exit-status.spec.ts runs with `--reporter=dot` and holds Playwright to it on upgrade.)
 */
export function reportRulesWhateverTheReporters(): void {
  process.env.PW_TEST_REPORTER = resolve(__dirname, 'rule-reporter.ts');
}
