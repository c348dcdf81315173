import type { MatrixCatalogue, MatrixTargetInput } from '../../harness/reporting/matrix/model';
import { readRunReport } from '../../harness/reporting/matrix/run-report';

/** Synthetic inputs of the implementation matrix: a rules.json as a run writes it, without running anything. */

export const DEMO_CATALOGUE: MatrixCatalogue = {
  title: 'Demo sessions API',
  rules: [
    { id: 'demo.create', level: 'MUST', title: 'Create answers 201', source: 'POST /sessions | Created', reference: 'openapi.yaml' },
    { id: 'demo.rename', level: 'MUST', title: 'PATCH renames the session', source: 'PATCH renames', reference: 'openapi.yaml' },
    { id: 'demo.list', level: 'MUST', title: 'The list shows every session', source: 'GET lists', reference: 'openapi.yaml' },
    { id: 'demo.unknown-404', level: 'SHOULD', title: 'An unknown id answers 404', source: 'Not found', reference: 'openapi.yaml' },
  ],
};

export interface RuleSpec {
  readonly status: string;
  readonly reason?: string;
  readonly transcript?: string;
  readonly counterexample?: string;
  readonly staleBaseline?: boolean;
}

/** A rules.json text in the shape the rule reporter writes, with the counts of the statuses given. */
export function rulesJsonText(options: {
  provider?: string;
  catalogue?: MatrixCatalogue;
  targetVersion?: string;
  baseline?: string;
  rules: Readonly<Record<string, RuleSpec>>;
  cleanupProblems?: readonly string[];
  /** Extra top-level and verdict fields, as a newer harness might add. */
  extra?: Record<string, unknown>;
  extraVerdict?: Record<string, unknown>;
}): string {
  const catalogue = options.catalogue ?? DEMO_CATALOGUE;
  const rules = catalogue.rules.map((r) => {
    const spec = options.rules[r.id] ?? { status: 'pass' };
    return {
      id: r.id, level: r.level, title: r.title, source: r.source, reference: r.reference,
      checks: { pass: spec.status === 'pass' ? 2 : 0, fail: spec.status === 'pass' ? 0 : 1, error: 0, skip: 0 },
      tests: [`${r.title} test`],
      status: spec.status,
      ...(spec.reason !== undefined ? { reason: spec.reason } : {}),
      ...(spec.transcript !== undefined ? { transcript: spec.transcript } : {}),
      ...(spec.counterexample !== undefined ? { counterexample: spec.counterexample } : {}),
      ...(spec.staleBaseline ? { staleBaseline: true } : {}),
    };
  });
  const counts: Record<string, number> = { pass: 0, fail: 0, warn: 0, skip: 0, 'known-deviation': 0, error: 0, 'not-run': 0 };
  for (const r of rules) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const stale = rules.filter((r) => r.staleBaseline).map((r) => r.id);
  return JSON.stringify({
    project: options.provider ?? 'demo',
    provider: options.provider ?? 'demo',
    title: catalogue.title,
    date: '2026-01-01T00:00:00.000Z',
    harnessVersion: '0.1.0',
    target: { DEMO_BASE_URL: 'http://127.0.0.1:1' },
    ...(options.targetVersion !== undefined ? { targetVersion: options.targetVersion } : {}),
    ...(options.baseline ? { baseline: { name: options.baseline, target: options.baseline } } : {}),
    verdict: { ok: counts.fail === 0 && counts.error === 0 && stale.length === 0, counts, staleBaselines: stale, flaky: [], ...options.extraVerdict },
    summary: 'demo summary',
    rules,
    coverage: [],
    cleanupProblems: options.cleanupProblems ?? [],
    ...options.extra,
  });
}

/** A target that ran, with its rules.json given as text. */
export function ranTarget(
  id: string,
  rulesJson: string,
  options: { provider?: string; name?: string; pinnedVersion?: string; exitCode?: number; wallMs?: number } = {},
): MatrixTargetInput {
  return {
    id,
    provider: options.provider ?? 'demo',
    name: options.name ?? id,
    pinnedVersion: options.pinnedVersion ?? '1.0.0',
    baseline: id,
    outcome: { kind: 'ran', exitCode: options.exitCode ?? 0, wallMs: options.wallMs ?? 1234, report: readRunReport(rulesJson), reportHref: `runs/${id}/demo/conformance.html` },
  };
}

export function missingTarget(id: string, reason: string, provider = 'demo', pinnedVersion = '1.0.0'): MatrixTargetInput {
  return { id, provider, name: id, pinnedVersion, baseline: id, outcome: { kind: 'not-installed', reason } };
}
