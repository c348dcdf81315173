import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBaseline } from '../../harness/rules/baseline';
import { RuleCatalogue, rulesFromTags } from '../../harness/rules/catalogue';
import { RuleRecorder } from '../../harness/rules/recorder';
import { rulesOf } from '../../harness/fixtures/tags';
import type { ProviderContract } from '../../harness/provider/contract';
import type { Rule } from '../../harness/rules/types';
import { renderRulesDoc } from '../../harness/reporting/rules-doc';
import { providersByName } from '../../harness/provider/discover';

const providers = providersByName();

const rule = (id: string): Rule => ({ id, level: 'MUST', title: 't', source: 's', reference: 'r', basis: 'stated' });

test.describe('rule catalogues', () => {
  test('ids are linted: provider prefix, kebab slug, unique', () => {
    expect(() => new RuleCatalogue('demo', [rule('demo.Bad_Id')])).toThrow(/must look like/);
    expect(() => new RuleCatalogue('demo', [rule('other.rule')])).toThrow(/must start with/);
    expect(() => new RuleCatalogue('demo', [rule('demo.a'), rule('demo.a')])).toThrow(/twice/);
  });

  test('every provider rule quotes its source and names where it stands', () => {
    for (const provider of Object.values(providers)) {
      for (const r of provider.contract.catalogue.all()) {
        expect(r.source.trim().length, r.id).toBeGreaterThan(10);
        expect(r.reference.trim().length, r.id).toBeGreaterThan(5);
      }
    }
  });

  test('a former rule id still names its rule: in checks, baselines and tags, reported under the new id', async () => {
    const renamed: Rule = { ...rule('demo.model-store'), formerIds: ['demo.store-model'] };
    const catalogue = new RuleCatalogue('demo', [renamed]);
    expect(catalogue.get('demo.store-model').id).toBe('demo.model-store');
    expect(catalogue.all()).toHaveLength(1);
    expect(() => new RuleCatalogue('demo', [renamed, rule('demo.store-model')])).toThrow(/taken/);
    const f = join(mkdtempSync(join(tmpdir(), 'bl-')), 'demo-1.0.yaml');
    writeFileSync(f, 'target: demo 1.0\ndeviations:\n  - rule: demo.store-model\n    reason: kept under its old name\n');
    const baseline = loadBaseline(f, catalogue);
    expect([...baseline.entries.keys()]).toEqual(['demo.model-store']);
    const recorder = new RuleRecorder(catalogue, baseline);
    await recorder.check('demo.store-model', () => undefined);
    expect(recorder.outcomes.map((o) => o.rule)).toEqual(['demo.model-store']);
    expect(recorder.excused('demo.store-model')).toBe(true);
    const contract = { catalogue } as unknown as ProviderContract;
    expect(rulesOf(contract)('demo.store-model').tag).toEqual(['@demo.model-store']);
    // The ids of the real catalogues that were renamed to follow `<provider>.model-<what>`.
    expect(providers.g4!.contract.catalogue.get('g4.session-store-model').id).toBe('g4.model-store');
    expect(providers.coviu!.contract.catalogue.get('coviu.lifecycle-model').id).toBe('coviu.model-lifecycle');
  });

  test('rule tags are read back from Playwright tags', () => {
    expect(rulesFromTags(['@demo.a-b', '@slow', 'demo.c'])).toEqual(['demo.a-b']);
  });
});

test.describe('baselines', () => {
  const catalogue = new RuleCatalogue('demo', [rule('demo.a')]);
  const file = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'bl-')), 'demo-1.0.yaml');
    writeFileSync(f, text);
    return f;
  };

  test('a baseline naming an unknown rule is refused', () => {
    expect(() => loadBaseline(file('target: d\ndeviations:\n  - rule: demo.gone\n    reason: x\n'), catalogue)).toThrow(/unknown rule "demo.gone"/);
  });

  test('an entry without a reason is refused', () => {
    expect(() => loadBaseline(file('target: d\ndeviations:\n  - rule: demo.a\n'), catalogue)).toThrow(/non-empty reason/);
  });

  test('a valid baseline is read with its name from the file', () => {
    const b = loadBaseline(file('target: demo 1.0\ndeviations:\n  - rule: demo.a\n    reason: because\n'), catalogue);
    expect(b.name).toBe('demo-1.0');
    expect(b.entries.get('demo.a')?.reason).toBe('because');
  });

  test('every shipped baseline loads against its catalogue', () => {
    for (const provider of Object.values(providers)) {
      const dir = provider.contract.baselinesDir;
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
        expect(() => loadBaseline(join(dir, f), provider.contract.catalogue), f).not.toThrow();
      }
    }
  });
});

test.describe('generated documentation', () => {
  test('docs/rules.md matches the rule catalogues (npm run docs)', () => {
    const expected = renderRulesDoc(Object.values(providers).map((p) => p.contract), (name) => providers[name]?.mock?.faults.list ?? []);
    expect(readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8'), 'run `npm run docs`').toBe(expected);
  });
});
