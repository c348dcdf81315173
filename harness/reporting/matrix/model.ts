import type { RunReport, RunRule } from './run-report';

/**
 * The implementation matrix: every real implementation we ran (columns) against every rule of its provider
 * (rows). Pure: the matrix script starts the targets, runs the suites and hands the results in here.
 */

/** A rule of a provider's catalogue, as the rows show it. */
export interface MatrixRuleDef {
  readonly id: string;
  readonly level: string;
  readonly title: string;
  readonly source?: string;
  readonly reference?: string;
}

export interface MatrixCatalogue {
  readonly title: string;
  readonly rules: readonly MatrixRuleDef[];
}

/** What became of one registered target. */
export type TargetOutcome =
  | { readonly kind: 'not-installed'; readonly reason: string }
  /** Started (or tried to): the run's exit status, its rules.json if there is one, or what went wrong. */
  | {
      readonly kind: 'ran';
      readonly exitCode: number;
      /** The target's whole turn: start, suite run and stop. */
      readonly wallMs: number;
      readonly report?: RunReport;
      readonly problem?: string;
      /** Where the run's own reports are, relative to the matrix page. */
      readonly reportHref?: string;
      /** The target's live kernel processes (Jupyter), where its launcher can count them. */
      readonly kernels?: KernelCounts;
    }
  /** The matrix was interrupted before this target's turn. */
  | { readonly kind: 'not-run'; readonly reason: string };

/** Kernel processes (about 70 MiB each) before the suite, after it, and after the target stopped. */
export interface KernelCounts {
  readonly beforeRun: number;
  readonly afterRun: number;
  readonly afterStop: number;
}

/** Kernels the run or the stop left behind, or none. */
export function kernelsLeft(k: KernelCounts | undefined): number {
  return k ? Math.max(0, k.afterRun - k.beforeRun) + k.afterStop : 0;
}

export interface MatrixTargetInput {
  readonly id: string;
  readonly provider: string;
  readonly name: string;
  readonly pinnedVersion: string;
  readonly baseline: string;
  readonly outcome: TargetOutcome;
}

export interface MatrixInput {
  readonly date: Date;
  readonly harnessVersion: string;
  readonly wallMs: number;
  /** A target that is not installed makes the matrix fail (CONFORMANCE_REQUIRE_REAL=1). */
  readonly requireReal: boolean;
  readonly interrupted?: boolean;
  readonly catalogues: Readonly<Record<string, MatrixCatalogue>>;
  readonly targets: readonly MatrixTargetInput[];
}

/**
 * conforms: green with its baseline. breaks: a MUST rule failed or a baseline entry is stale.
 * could-not-check: errors, cleanup trouble, no report. not-installed / not-run: no result at all.
 */
export type ColumnState = 'conforms' | 'breaks' | 'could-not-check' | 'not-installed' | 'not-run';

export interface Tally {
  readonly kept: number;
  readonly total: number;
}

export interface MatrixColumn {
  readonly id: string;
  readonly provider: string;
  readonly name: string;
  readonly pinnedVersion: string;
  /** The version the API reported in this run (`targetVersion` of rules.json), when it tells one. */
  readonly apiVersion?: string;
  readonly baseline: string;
  readonly state: ColumnState;
  readonly green: boolean;
  /** One line: why the column has its state. */
  readonly verdict: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Rules of each level whose every check held (`pass`); the badge shows these. */
  readonly must: Tally;
  readonly should: Tally;
  readonly knownDeviations: readonly string[];
  readonly staleBaselines: readonly string[];
  readonly exitCode?: number;
  readonly wallMs?: number;
  readonly reportHref?: string;
  readonly kernels?: KernelCounts;
}

/** A rule's result in one column: what the run's report says of it. `no-result`: the column has no report (not installed, not run, crashed). */
export type MatrixCell = Omit<RunRule, 'id' | 'level' | 'title'>;

/** Where implementations of one provider disagree on a rule: some keep it, some break it. */
export interface Disagreement {
  /** Column ids whose every check of the rule held. */
  readonly keep: readonly string[];
  /** Column ids that broke it (fail, warn or known deviation). */
  readonly break: readonly string[];
}

export interface MatrixRow extends MatrixRuleDef {
  /** Per column id of the provider. */
  readonly cells: Readonly<Record<string, MatrixCell>>;
  readonly disagreement?: Disagreement;
}

export interface ProviderGroup {
  readonly provider: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly MatrixRow[];
}

export interface MatrixModel {
  readonly date: string;
  readonly harnessVersion: string;
  readonly wallMs: number;
  readonly ok: boolean;
  /** 0 every column green; 1 a column breaks its contract; 2 could not check (or not installed, when required); 130 interrupted. */
  readonly exitCode: number;
  readonly columns: readonly MatrixColumn[];
  readonly providers: readonly ProviderGroup[];
}

export const NO_RESULT = 'no-result';
const BROKEN = new Set(['fail', 'warn', 'known-deviation']);

export function foldMatrix(input: MatrixInput): MatrixModel {
  const columns = input.targets.map((t) => foldColumn(t, input.catalogues[t.provider]));
  const providerNames = [...new Set(input.targets.map((t) => t.provider))];
  const providers = providerNames.map((provider): ProviderGroup => {
    const targets = input.targets.filter((t) => t.provider === provider);
    const catalogue = input.catalogues[provider];
    const rules = catalogueRows(catalogue, targets);
    return {
      provider,
      title: catalogue?.title ?? targets.map((t) => (t.outcome.kind === 'ran' ? t.outcome.report?.title : undefined)).find(Boolean) ?? provider,
      columns: targets.map((t) => t.id),
      rows: rules.map((rule) => {
        const cells = Object.fromEntries(targets.map((t) => [t.id, cellOf(t, rule.id)]));
        return { ...rule, cells, disagreement: disagreementOf(cells) };
      }),
    };
  });
  const exitCode = matrixExitCode(columns, input);
  return {
    date: input.date.toISOString(),
    harnessVersion: input.harnessVersion,
    wallMs: input.wallMs,
    ok: exitCode === 0,
    exitCode,
    columns,
    providers,
  };
}

/** The catalogue's rules in its order, then any rule a run reported that the catalogue does not hold. */
function catalogueRows(catalogue: MatrixCatalogue | undefined, targets: readonly MatrixTargetInput[]): MatrixRuleDef[] {
  const rows: MatrixRuleDef[] = [...(catalogue?.rules ?? [])];
  const known = new Set(rows.map((r) => r.id));
  for (const t of targets) {
    if (t.outcome.kind !== 'ran') continue;
    for (const r of t.outcome.report?.rules ?? []) {
      if (known.has(r.id)) continue;
      known.add(r.id);
      rows.push({ id: r.id, level: r.level, title: r.title ?? r.id });
    }
  }
  return rows;
}

function cellOf(t: MatrixTargetInput, ruleId: string): MatrixCell {
  const rule = t.outcome.kind === 'ran' ? t.outcome.report?.rules.find((r) => r.id === ruleId) : undefined;
  if (!rule) return { status: NO_RESULT };
  const { status, reason, staleBaseline, flaky, checks, tests, transcript, counterexample } = rule;
  return { status, reason, staleBaseline, flaky, checks, tests, transcript, counterexample };
}

function disagreementOf(cells: Readonly<Record<string, MatrixCell>>): Disagreement | undefined {
  const entries = Object.entries(cells);
  const keep = entries.filter(([, c]) => c.status === 'pass').map(([id]) => id);
  const broke = entries.filter(([, c]) => BROKEN.has(c.status)).map(([id]) => id);
  return keep.length && broke.length ? { keep, break: broke } : undefined;
}

function tally(rules: readonly RunRule[], level: string, catalogue: MatrixCatalogue | undefined): Tally {
  const total = catalogue ? catalogue.rules.filter((r) => r.level === level).length : rules.filter((r) => r.level === level).length;
  return { kept: rules.filter((r) => r.level === level && r.status === 'pass').length, total };
}

function foldColumn(t: MatrixTargetInput, catalogue: MatrixCatalogue | undefined): MatrixColumn {
  const base = { id: t.id, provider: t.provider, name: t.name, pinnedVersion: t.pinnedVersion, baseline: t.baseline };
  const o = t.outcome;
  const zero = (level: string): Tally => ({ kept: 0, total: catalogue?.rules.filter((r) => r.level === level).length ?? 0 });
  if (o.kind !== 'ran') {
    const state: ColumnState = o.kind;
    return {
      ...base, state, green: false, verdict: `${o.kind === 'not-installed' ? 'Not installed' : 'Not run'}: ${o.reason}`,
      counts: {}, must: zero('MUST'), should: zero('SHOULD'), knownDeviations: [], staleBaselines: [],
    };
  }
  const r = o.report;
  const ran = { ...base, exitCode: o.exitCode, wallMs: o.wallMs, reportHref: o.reportHref, ...(o.kernels ? { kernels: o.kernels } : {}) };
  const leftKernels = kernelsLeft(o.kernels);
  const problem = [o.problem, leftKernels ? `${plural(leftKernels, 'kernel process')} left running after the run` : undefined].filter(Boolean).join('; ') || undefined;
  if (!r) {
    return {
      ...ran, state: 'could-not-check', green: false, verdict: `Could not check: ${o.problem ?? `the run exited with ${o.exitCode} and wrote no rules.json`}`,
      counts: {}, must: zero('MUST'), should: zero('SHOULD'), knownDeviations: [], staleBaselines: [],
    };
  }
  const counts = r.counts;
  const n = (s: string) => counts[s] ?? 0;
  const stale = r.staleBaselines;
  const state: ColumnState =
    n('fail') > 0 || stale.length > 0 ? 'breaks'
      : n('error') > 0 || r.cleanupProblems.length > 0 || o.exitCode !== 0 || problem || r.verdictOk === false ? 'could-not-check'
        : 'conforms';
  return {
    ...ran,
    apiVersion: r.targetVersion,
    state,
    green: state === 'conforms',
    verdict: verdictLine(state, r, o.exitCode, problem),
    counts,
    must: tally(r.rules, 'MUST', catalogue),
    should: tally(r.rules, 'SHOULD', catalogue),
    knownDeviations: r.rules.filter((x) => x.status === 'known-deviation').map((x) => x.id),
    staleBaselines: stale,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function verdictLine(state: ColumnState, r: RunReport, exitCode: number, problem: string | undefined): string {
  const n = (s: string) => r.counts[s] ?? 0;
  const parts: string[] = [];
  if (n('fail')) parts.push(`${plural(n('fail'), 'MUST rule')} broken`);
  if (r.staleBaselines.length) parts.push(`stale baseline ${r.staleBaselines.length === 1 ? 'entry' : 'entries'}: ${r.staleBaselines.join(', ')}`);
  if (n('error')) parts.push(`${plural(n('error'), 'rule')} could not be checked`);
  if (r.cleanupProblems.length) parts.push(`${plural(r.cleanupProblems.length, 'cleanup problem')}`);
  if (problem) parts.push(problem);
  if (state === 'could-not-check' && !parts.length) parts.push(`the run exited with ${exitCode}`);
  if (!parts.length) parts.push('every MUST rule holds');
  if (n('warn')) parts.push(`${plural(n('warn'), 'SHOULD rule')} broken`);
  if (n('known-deviation')) parts.push(`${plural(n('known-deviation'), 'known deviation')}`);
  const head = { conforms: 'Conforms', breaks: 'Does not conform', 'could-not-check': 'Could not check' }[state as 'conforms' | 'breaks' | 'could-not-check'];
  return `${head}: ${parts.join('; ')}`;
}

function matrixExitCode(columns: readonly MatrixColumn[], input: MatrixInput): number {
  if (input.interrupted) return 130;
  if (columns.some((c) => c.state === 'breaks')) return 1;
  if (columns.some((c) => c.state === 'could-not-check' || c.state === 'not-run' || (c.state === 'not-installed' && input.requireReal))) return 2;
  return 0;
}

/** matrix.json: per target what a machine needs, and per rule its status, reason and level. */
export function matrixJson(model: MatrixModel): unknown {
  return {
    date: model.date,
    harnessVersion: model.harnessVersion,
    wallMs: model.wallMs,
    ok: model.ok,
    exitCode: model.exitCode,
    targets: model.columns.map((c) => {
      const group = model.providers.find((p) => p.provider === c.provider);
      return {
        ...c,
        rules: (group?.rows ?? []).map((row) => {
          const cell = row.cells[c.id];
          return {
            id: row.id,
            level: row.level,
            status: cell?.status ?? NO_RESULT,
            ...(cell?.reason !== undefined ? { reason: cell.reason } : {}),
            ...(cell?.staleBaseline ? { staleBaseline: true } : {}),
            ...(cell?.flaky ? { flaky: cell.flaky } : {}),
          };
        }),
      };
    }),
  };
}
