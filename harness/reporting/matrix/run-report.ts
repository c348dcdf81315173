/**
 * What the matrix reads of one run's `rules.json`, read tolerantly: fields it does not know (a newer harness
 * adds some) are ignored, a status it does not know is kept as it is, and a missing optional field is absent.
 * Only what a column cannot be drawn without (the rules, each with id and status) is required.
 */
export interface RunRule {
  readonly id: string;
  readonly level: string;
  readonly title?: string;
  readonly status: string;
  readonly reason?: string;
  readonly staleBaseline?: boolean;
  readonly flaky?: { readonly checks: number; readonly reason: string };
  readonly checks?: Readonly<Record<string, number>>;
  readonly tests?: readonly string[];
  readonly transcript?: string;
  readonly counterexample?: string;
}

export interface RunReport {
  readonly provider?: string;
  readonly title?: string;
  readonly targetVersion?: string;
  readonly baseline?: string;
  readonly verdictOk?: boolean;
  /** Rules per status, as the run counted them (also counts this version does not know). */
  readonly counts: Readonly<Record<string, number>>;
  readonly staleBaselines: readonly string[];
  readonly summary?: string;
  readonly rules: readonly RunRule[];
  readonly cleanupProblems: readonly string[];
}

/** Parses a rules.json text; throws with what is wrong when it is no per-rule report at all. */
export function readRunReport(text: string): RunReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`rules.json is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.rules)) throw new Error('rules.json has no list of rules');
  const rules = doc.rules.flatMap((raw): RunRule[] => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.status !== 'string') return [];
    const flaky = isRecord(raw.flaky) && typeof raw.flaky.reason === 'string' ? { checks: num(raw.flaky.checks) ?? 1, reason: raw.flaky.reason } : undefined;
    return [{
      id: raw.id,
      level: str(raw.level) ?? '?',
      title: str(raw.title),
      status: raw.status,
      reason: str(raw.reason),
      staleBaseline: raw.staleBaseline === true ? true : undefined,
      flaky,
      checks: isRecord(raw.checks) ? numbers(raw.checks) : undefined,
      tests: Array.isArray(raw.tests) ? raw.tests.filter((t): t is string => typeof t === 'string') : undefined,
      transcript: str(raw.transcript),
      counterexample: str(raw.counterexample),
    }];
  });
  if (!rules.length && doc.rules.length) throw new Error('rules.json: no rule has an id and a status');
  const verdict = isRecord(doc.verdict) ? doc.verdict : {};
  const counted = isRecord(verdict.counts) ? numbers(verdict.counts) : undefined;
  return {
    provider: str(doc.provider),
    title: str(doc.title),
    targetVersion: str(doc.targetVersion),
    baseline: isRecord(doc.baseline) ? str(doc.baseline.name) : undefined,
    verdictOk: typeof verdict.ok === 'boolean' ? verdict.ok : undefined,
    counts: counted ?? countStatuses(rules),
    staleBaselines: strings(verdict.staleBaselines) ?? rules.filter((r) => r.staleBaseline).map((r) => r.id),
    summary: str(doc.summary),
    rules,
    cleanupProblems: strings(doc.cleanupProblems) ?? [],
  };
}

function countStatuses(rules: readonly RunRule[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rules) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function numbers(o: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, number] => num(e[1]) !== undefined));
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
}
