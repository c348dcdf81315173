import { expect, test } from '@playwright/test';
import { BATCHED_SELF_PROOF } from '../../harness/fixtures/fault-copies';
import { providersByName } from '../../harness/provider/discover';
import { runSuiteOnce, type SuiteRun } from '../support/run-suite';

const providers = providersByName();

/**
 * A check that cannot fail is a defect. One child run executes every provider suite against the clean mock
 * and, side by side, the checks of each fault's rule against the mock with that fault on, each reported as the
 * project `<provider>~<fault>` (one shared mock instance). The batched self-proof runs those checks as copies of
 * the tests in one project per provider (harness/fixtures/fault-copies.ts); tests/self-proof/exit-status.spec.ts
 * runs single-fault projects (CONFORMANCE_SELF_PROOF=1). Here we assert what each fault's report found.
 */
let run: SuiteRun;

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000);
  run = await runSuiteOnce('self-proof', [], { CONFORMANCE_SELF_PROOF: BATCHED_SELF_PROOF });
});

for (const provider of Object.keys(providers)) {
  test.describe(provider, () => {
    test('the suite is green against the clean mock', () => {
      const report = run.report(provider);
      const broken = report.rules.filter((r) => ['fail', 'error', 'warn', 'known-deviation', 'not-run'].includes(r.status));
      expect(broken.map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`), report.summary).toEqual([]);
      expect(report.verdict.ok).toBe(true);
    });

    test('every rule has a fault that proves its checks can fail', () => {
      const faulted = new Set((providers[provider]?.mock?.faults.list ?? []).map((f) => f.rule));
      const uncovered = providers[provider]!.contract.catalogue.all().filter((r) => !faulted.has(r.id)).map((r) => r.id);
      expect(uncovered).toEqual([]);
    });

    for (const fault of providers[provider]?.mock?.faults.list ?? []) {
      test(`fault ${fault.name} is caught by ${fault.rule}`, () => {
        const report = run.report(`${provider}~${fault.name}`);
        const rule = report.rules.find((r) => r.id === fault.rule)!;
        const expected = rule.level === 'MUST' ? 'fail' : 'warn';
        expect(rule.status, `${fault.description}: ${report.summary}`).toBe(expected);
        // A broken MUST fails the run; a broken SHOULD is a warning and does not.
        if (rule.level === 'MUST') expect(report.verdict.ok, report.summary).toBe(false);
      });
    }

    for (const names of providers[provider]?.mock?.faults.together ?? []) {
      test(`faults ${names.join(', ')} on at once are each caught by their own rule, none blocked`, () => {
        const report = run.report(`${provider}~${names.join('+')}`);
        const expected = names.map((name) => {
          const fault = providers[provider]!.mock!.faults.list.find((f) => f.name === name)!;
          const level = report.rules.find((r) => r.id === fault.rule)!.level;
          return `${fault.rule}: ${level === 'MUST' ? 'fail' : 'warn'}`;
        });
        const seen = names.map((name) => {
          const rule = report.rules.find((r) => r.id === providers[provider]!.mock!.faults.list.find((f) => f.name === name)!.rule)!;
          return `${rule.id}: ${rule.status}${rule.status === 'skip' || rule.status === 'error' ? ` (${rule.reason ?? ''})` : ''}`;
        });
        expect(seen, report.summary).toEqual(expected);
        expect(report.rules.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.reason ?? ''}`), 'no rule is an error').toEqual([]);
      });
    }
  });
}

