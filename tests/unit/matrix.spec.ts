import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnBadge, renderBadgeSvg, textWidth } from '../../harness/reporting/matrix/badge';
import { renderMatrixHtml } from '../../harness/reporting/matrix/html';
import { foldMatrix, matrixJson, type MatrixInput, type MatrixTargetInput } from '../../harness/reporting/matrix/model';
import { readRunReport } from '../../harness/reporting/matrix/run-report';
import { betweenMarkers, renderTargetsTable, replaceBetweenMarkers } from '../../harness/reporting/matrix/targets-table';
import { targetTableRow } from '../../scripts/matrix/sources';
import { realTargets } from '../../targets/registry';
import { DEMO_CATALOGUE, missingTarget, ranTarget, rulesJsonText } from '../support/matrix-fixtures';

const input = (targets: MatrixTargetInput[], more: Partial<MatrixInput> = {}): MatrixInput => ({
  date: new Date('2026-01-02T03:04:05Z'),
  harnessVersion: '9.9.9',
  wallMs: 61_500,
  requireReal: false,
  catalogues: { demo: DEMO_CATALOGUE },
  targets,
  ...more,
});

const green = ranTarget('alpha-1.0', rulesJsonText({
  targetVersion: '1.0.3',
  baseline: 'alpha-1.0',
  rules: { 'demo.rename': { status: 'known-deviation', reason: 'alpha renames lazily (observed: PATCH → 200, name unchanged)' } },
}), { name: 'Alpha', pinnedVersion: '1.0.3' });
const red = ranTarget('beta-2.0', rulesJsonText({
  rules: {
    'demo.list': { status: 'fail', reason: 'GET /sessions → 200: the created session is missing', transcript: '#1 GET http://127.0.0.1/sessions\n< 200' },
    'demo.unknown-404': { status: 'warn', reason: 'answered 500' },
  },
}), { name: 'Beta', exitCode: 1 });

test.describe('the matrix model', () => {
  test('reads rules.json tolerantly: unknown fields ignored, unknown statuses and counts kept', () => {
    const text = rulesJsonText({
      rules: { 'demo.list': { status: 'skip-blocked', reason: 'skipped because demo.create failed' } },
      extra: { someNewField: { nested: true } },
      extraVerdict: { skippedBecauseAnotherRuleFailed: 1 },
    });
    const r = readRunReport(text);
    expect(r.rules.find((x) => x.id === 'demo.list')).toMatchObject({ status: 'skip-blocked', reason: 'skipped because demo.create failed' });
    expect(r.counts['skip-blocked']).toBe(1);
    expect(r.targetVersion).toBeUndefined();
    expect(() => readRunReport('{"rules": 3}')).toThrow(/no list of rules/);
    expect(() => readRunReport('not json')).toThrow(/not JSON/);
    // A minimal report (no verdict at all) still gives counts, from the rules.
    const minimal = readRunReport(JSON.stringify({ rules: [{ id: 'demo.create', status: 'pass' }, { id: 'demo.list', status: 'fail' }] }));
    expect(minimal.counts).toEqual({ pass: 1, fail: 1 });
  });

  test('folds runs into columns: verdict, versions, counts, MUST and SHOULD tallies, known deviations', () => {
    const m = foldMatrix(input([green, red, missingTarget('gamma-3.0', 'gamma is not installed (pip install gamma)')]));
    const [a, b, g] = m.columns;
    expect(a).toMatchObject({ state: 'conforms', green: true, apiVersion: '1.0.3', pinnedVersion: '1.0.3', must: { kept: 2, total: 3 }, should: { kept: 1, total: 1 }, knownDeviations: ['demo.rename'] });
    expect(a!.verdict).toBe('Conforms: every MUST rule holds; 1 known deviation');
    expect(b).toMatchObject({ state: 'breaks', green: false, must: { kept: 2, total: 3 }, should: { kept: 0, total: 1 } });
    expect(b!.verdict).toBe('Does not conform: 1 MUST rule broken; 1 SHOULD rule broken');
    expect(g).toMatchObject({ state: 'not-installed', green: false, verdict: 'Not installed: gamma is not installed (pip install gamma)' });
    expect(m.exitCode).toBe(1);
    // Rows follow the catalogue; a not-installed column has no result in any row.
    const rows = m.providers[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(DEMO_CATALOGUE.rules.map((r) => r.id));
    expect(rows.every((r) => r.cells['gamma-3.0']!.status === 'no-result')).toBe(true);
  });

  test('says which implementations keep a rule and which break it, where they disagree', () => {
    const m = foldMatrix(input([green, red]));
    const byId = Object.fromEntries(m.providers[0]!.rows.map((r) => [r.id, r.disagreement]));
    expect(byId['demo.rename']).toEqual({ keep: ['beta-2.0'], break: ['alpha-1.0'] });
    expect(byId['demo.list']).toEqual({ keep: ['alpha-1.0'], break: ['beta-2.0'] });
    expect(byId['demo.create']).toBeUndefined();
  });

  test('exit status: green 0; breaks 1; could not check 2; not installed 0, or 2 when required; interrupted 130', () => {
    expect(foldMatrix(input([green])).exitCode).toBe(0);
    expect(foldMatrix(input([green, missingTarget('g', 'no')])).exitCode).toBe(0);
    expect(foldMatrix(input([green, missingTarget('g', 'no')], { requireReal: true })).exitCode).toBe(2);
    const errored = ranTarget('e', rulesJsonText({ rules: { 'demo.create': { status: 'error', reason: 'no answer within 10000 ms' } } }), { exitCode: 2 });
    expect(foldMatrix(input([errored])).columns[0]!.state).toBe('could-not-check');
    expect(foldMatrix(input([green, errored])).exitCode).toBe(2);
    expect(foldMatrix(input([errored, red])).exitCode).toBe(1);
    const crashed: MatrixTargetInput = { ...green, id: 'c', outcome: { kind: 'ran', exitCode: 1, wallMs: 5, problem: 'the run exited with 1 and wrote no rules.json' } };
    expect(foldMatrix(input([crashed])).columns[0]).toMatchObject({ state: 'could-not-check', verdict: 'Could not check: the run exited with 1 and wrote no rules.json' });
    const stale = ranTarget('s', rulesJsonText({ rules: { 'demo.create': { status: 'pass', staleBaseline: true } } }));
    expect(foldMatrix(input([stale])).columns[0]!.state).toBe('breaks');
    const cleanup = ranTarget('k', rulesJsonText({ rules: {}, cleanupProblems: ['a test: DELETE answered 500'] }), { exitCode: 2 });
    expect(foldMatrix(input([cleanup])).columns[0]!.state).toBe('could-not-check');
    expect(foldMatrix(input([green], { interrupted: true })).exitCode).toBe(130);
  });

  test('matrix.json has per target its identity, versions, verdict, counts, time and per rule status, reason and level', () => {
    const json = matrixJson(foldMatrix(input([green, red]))) as { exitCode: number; targets: Record<string, unknown>[] };
    expect(json.exitCode).toBe(1);
    expect(json.targets[0]).toMatchObject({
      id: 'alpha-1.0', name: 'Alpha', apiVersion: '1.0.3', pinnedVersion: '1.0.3', baseline: 'alpha-1.0', state: 'conforms', green: true,
      counts: { pass: 3, 'known-deviation': 1 }, wallMs: 1234,
    });
    expect(json.targets[0]!.rules).toContainEqual({ id: 'demo.rename', level: 'MUST', status: 'known-deviation', reason: 'alpha renames lazily (observed: PATCH → 200, name unchanged)' });
    expect(json.targets[1]!.rules).toContainEqual({ id: 'demo.unknown-404', level: 'SHOULD', status: 'warn', reason: 'answered 500' });
  });
});

test.describe('the matrix page', () => {
  const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  const hostile = ranTarget('h-1', rulesJsonText({
    targetVersion: `9.9" onmouseover="alert(3)`,
    rules: { 'demo.list': { status: 'fail', reason: HOSTILE, transcript: `</pre></details>${HOSTILE}`, counterexample: `</pre>${HOSTILE}` } },
  }), { name: `<b>Evil</b> & co` });

  test('escapes hostile text from a target (reasons, transcripts, versions, names)', () => {
    const html = renderMatrixHtml(foldMatrix(input([green, hostile])));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Evil');
    expect(html).not.toContain('" onmouseover=');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; co');
    expect(html).toContain('9.9&quot; onmouseover=&quot;alert(3)');
    // Transcript closing tags stay text: exactly as many <pre> as </pre>.
    expect(html.match(/<pre\b/g)?.length).toBe(html.match(/<\/pre>/g)?.length);
  });

  test('is self-contained: no script, no external resource', () => {
    const html = renderMatrixHtml(foldMatrix(input([green, red, missingTarget('gamma-3.0', 'not here')])));
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc="(?!data:)/);
    expect(html).not.toMatch(/url\((?!#)/);
    // Each column is reachable as index.html#<id>.
    for (const id of ['alpha-1.0', 'beta-2.0', 'gamma-3.0']) expect(html).toContain(`id="${id}"`);
  });

  test('badge snippets use the public address when one is given', () => {
    const m = foldMatrix(input([green]));
    expect(renderMatrixHtml(m)).toContain('[![Alpha conformance](badges/alpha-1.0.svg)](index.html#alpha-1.0)');
    expect(renderMatrixHtml(m, { publicUrl: 'https://example.org/matrix/' })).toContain(
      '[![Alpha conformance](https://example.org/matrix/badges/alpha-1.0.svg)](https://example.org/matrix/index.html#alpha-1.0)',
    );
  });
});

test.describe('badges', () => {
  test('say how many MUST and SHOULD rules an implementation keeps, coloured by its verdict', () => {
    const [a, b, g] = foldMatrix(input([green, red, missingTarget('gamma-3.0', 'not here')])).columns;
    expect(columnBadge(a!)).toMatchObject({ label: 'demo sessions', message: '2/3 MUST · 1/1 SHOULD', color: '#b38600' });
    expect(columnBadge(b!)).toMatchObject({ message: '2/3 MUST · 0/1 SHOULD', color: '#c62828' });
    expect(columnBadge(g!)).toMatchObject({ message: 'not installed', color: '#7b8394' });
    const all = ranTarget('all', rulesJsonText({ rules: {} }));
    expect(columnBadge(foldMatrix(input([all])).columns[0]!)).toMatchObject({ message: '3/3 MUST · 1/1 SHOULD', color: '#2e9a4a' });
  });

  test('are SVG with escaped text, sized to the text', () => {
    const svg = renderBadgeSvg({ label: 'x<y', message: 'a & b', color: '#2e9a4a', title: '"quoted"' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20"/);
    expect(svg).toContain('x&lt;y');
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('<title>&quot;quoted&quot;</title>');
    expect(svg).not.toContain('x<y');
    const width = (s: string) => Number(/width="(\d+)"/.exec(renderBadgeSvg({ label: 'l', message: s, color: '#000', title: '' }))![1]);
    expect(width('16/17 MUST · 3/4 SHOULD')).toBeGreaterThan(width('1/1 MUST'));
    expect(textWidth('MUST')).toBeGreaterThan(textWidth('iiii'));
  });
});

test.describe('README table of real targets', () => {
  test('README.md lists every registered target with its version and deviation counts (npm run docs)', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(betweenMarkers(readme), 'run `npm run docs`').toBe(renderTargetsTable(realTargets.map(targetTableRow)));
  });

  test('the table is rewritten between its markers only', () => {
    const text = 'before\n<!-- a -->\nold\n<!-- b -->\nafter\n';
    expect(replaceBetweenMarkers(text, 'new', '<!-- a -->', '<!-- b -->')).toBe('before\n<!-- a -->\nnew\n<!-- b -->\nafter\n');
    expect(() => replaceBetweenMarkers('no markers', 'x')).toThrow(/markers not found/);
    const row = { id: 'x-1', provider: 'demo', name: 'X | Y', version: '1', baseline: 'x-1', deviations: { must: 1, should: 2 } };
    expect(renderTargetsTable([row])).toContain('| X \\| Y | 1 | `demo` | `x-1` | [`x-1`](contracts/demo/baselines/x-1.yaml) | 3 (1 MUST, 2 SHOULD) |');
  });
});
