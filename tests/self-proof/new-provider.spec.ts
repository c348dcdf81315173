import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { discoverProviders, providerFiles } from '../../harness/provider/discover';
import { SchemaRegistry } from '../../harness/contract/schemas';
import { BATCHED_SELF_PROOF } from '../../harness/fixtures/fault-copies';
import { ROOT, runSuite, runSuiteOnce, type SuiteRun } from '../support/run-suite';
import { safetyCases } from '../support/safety-cases';
import { filesUnder, mustBreakingFaults, secretLeaks, secretSamples } from '../support/secrets-proof';

/**
 * docs/adding-a-provider.md, proven: a sixth provider, `memo`, declared only in its own folders under
 * tests/new-provider/ (contracts/, schemas/, suites/, mocks/), goes through every piece the harness derives from
 * a declaration: its project and mock, the fault self-proof, the secrets proof, production safety and the
 * reports. The child runs add its folder to the provider roots (CONFORMANCE_PROVIDER_ROOTS); a user's run
 * never sees it.
 */
const EXAMPLE = 'tests/new-provider';
const ROOTS = ['suites', `${EXAMPLE}/suites`];
const ROOTS_ENV = { CONFORMANCE_PROVIDER_ROOTS: ROOTS.join(delimiter) };
const memo = discoverProviders(ROOTS.map((r) => join(ROOT, r))).find((p) => p.name === 'memo')!;
const faults = memo.mock!.faults;

test('memo is declared only in its own folders, and only where the provider roots name them', () => {
  expect(memo, 'the memo declaration is found under tests/new-provider/suites').toBeDefined();
  const outside = filesUnder(join(ROOT, EXAMPLE))
    .map((f) => relative(join(ROOT, EXAMPLE), f).split('\\').join('/'))
    .filter((f) => !/^(contracts|schemas|suites|mocks)\/memo\//.test(f));
  expect(outside, 'files of the example outside contracts/memo, schemas/memo, suites/memo and mocks/memo').toEqual([]);
  expect(relative(ROOT, memo.contract.openapi.file)).toBe(`${EXAMPLE}/contracts/memo/openapi.yaml`);
  expect(relative(ROOT, memo.mock!.module)).toBe(`${EXAMPLE}/mocks/memo/index.ts`);
  // Its schemas come with its contract, from its own schemas/ folder.
  const schemas = SchemaRegistry.get().files.filter((f) => f.id.includes('/memo/')).map((f) => relative(ROOT, f.file)).sort();
  expect(schemas).toEqual([`${EXAMPLE}/schemas/memo/Error.schema.json`, `${EXAMPLE}/schemas/memo/Memo.schema.json`]);
  // The checkout's own providers (projects, docs, the other self-proofs) do not include it.
  expect(providerFiles().map((f) => f.name)).not.toContain('memo');
});

test.describe('memo through the fault self-proof', () => {
  let run: SuiteRun;

  test.beforeAll(async () => {
    test.setTimeout(5 * 60_000);
    // As tests/self-proof/faults.spec.ts proves the five providers: the batched self-proof.
    run = await runSuiteOnce('new-provider', ['--project=memo*'], { ...ROOTS_ENV, CONFORMANCE_SELF_PROOF: BATCHED_SELF_PROOF });
  });

  test('only memo was run: its report, and one per fault and per together set', () => {
    const projects = readdirSync(run.reportDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(run.reportDir, d.name, 'rules.json')))
      .map((d) => d.name)
      .sort();
    const expected = ['memo', ...faults.list.map((f) => `memo~${f.name}`), ...faults.together.map((s) => `memo~${s.join('+')}`)].sort();
    expect(projects, run.output.slice(-2000)).toEqual(expected);
  });

  test('the memo suite is green against its mock, every rule checked', () => {
    const report = run.report('memo');
    expect(report.rules.map((r) => r.id).sort()).toEqual(memo.contract.catalogue.all().map((r) => r.id).sort());
    expect(report.rules.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`), report.summary).toEqual([]);
    expect(report.verdict.ok).toBe(true);
  });

  test('its reports are written: conformance.html, rules.json, rules.junit.xml', () => {
    for (const file of ['conformance.html', 'rules.json', 'rules.junit.xml']) expect(existsSync(join(run.reportDir, 'memo', file)), file).toBe(true);
    const html = readFileSync(join(run.reportDir, 'memo', 'conformance.html'), 'utf8');
    for (const rule of memo.contract.catalogue.all()) expect(html, `conformance.html shows ${rule.id}`).toContain(rule.id);
  });

  test('every memo rule has a fault that proves its checks can fail', () => {
    const faulted = new Set(faults.list.map((f) => f.rule));
    expect(memo.contract.catalogue.all().filter((r) => !faulted.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  for (const fault of faults.list) {
    test(`fault ${fault.name} is caught by ${fault.rule}`, () => {
      const report = run.report(`memo~${fault.name}`);
      const rule = report.rules.find((r) => r.id === fault.rule)!;
      expect(rule.status, `${fault.description}: ${report.summary}`).toBe(rule.level === 'MUST' ? 'fail' : 'warn');
      if (rule.level === 'MUST') expect(report.verdict.ok, report.summary).toBe(false);
    });
  }

  for (const names of faults.together) {
    test(`faults ${names.join(', ')} on at once are each caught by their own rule`, () => {
      const report = run.report(`memo~${names.join('+')}`);
      const seen = names.map((name) => {
        const rule = report.rules.find((r) => r.id === faults.list.find((f) => f.name === name)!.rule)!;
        return `${rule.id}: ${rule.status}`;
      });
      const expected = names.map((name) => {
        const id = faults.list.find((f) => f.name === name)!.rule;
        return `${id}: ${memo.contract.catalogue.get(id).level === 'MUST' ? 'fail' : 'warn'}`;
      });
      expect(seen, report.summary).toEqual(expected);
      expect(report.rules.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.reason ?? ''}`), 'no rule is an error').toEqual([]);
    });
  }
});

test('no memo secret reaches a report, an attachment or the console, in a run with failures', async () => {
  test.setTimeout(5 * 60_000);
  const secrets = secretSamples([memo]);
  expect(Object.keys(secrets), 'the secrets come from the declaration').toEqual(['MEMO_TOKEN']);
  const run = await runSuite(['--project=memo'], { ...ROOTS_ENV, ...secrets, MOCK_FAULTS: mustBreakingFaults([memo]).join(',') });
  expect(run.exitCode, run.output.slice(-2000)).toBe(1);
  const report = run.report('memo');
  expect(report.verdict.counts.fail, report.summary).toBeGreaterThan(0);
  // The mock took the distinctive token too, so it was sent with every request, and refused without it.
  expect(report.rules.find((r) => r.id === 'memo.auth-required')?.status, report.summary).toBe('pass');
  expect(filesUnder(run.reportDir).some((f) => f.includes('allure-results') && f.endsWith('.txt')), 'transcripts were attached').toBe(true);
  expect(secretLeaks(run, secrets)).toEqual([]);
});

test.describe('memo on a target that holds data the run did not create', () => {
  const c = safetyCases(ROOTS.map((r) => join(ROOT, r))).find((s) => s.provider === 'memo')!;

  for (const kind of ['green', 'failing'] as const) {
    test(`after a ${kind} run, that data is untouched and the run's own is gone`, async () => {
      test.setTimeout(3 * 60_000);
      expect(c, 'mocks/memo/safety.ts is found beside the mock').toBeDefined();
      const target = await c.start(kind === 'failing' ? c.failingFaults : '');
      try {
        const before = await target.seedForeign();
        const run = await runSuite(['--project=memo'], { ...ROOTS_ENV, ...target.env });
        expect(await target.readForeign(), 'the data the run did not create is exactly as before').toEqual(before);
        expect(await target.leftovers({ endedAt: Date.now() }), "the run's own memos are gone").toEqual([]);
        expect(run.exitCode, run.output.slice(-2000)).toBe(kind === 'green' ? 0 : 1);
        if (kind === 'failing') {
          const failed = run.report('memo').rules.filter((r) => r.status === 'fail').map((r) => r.id);
          expect(failed).toEqual(expect.arrayContaining([...c.failingRules]));
        }
      } finally {
        await target.close();
      }
    });
  }
});
