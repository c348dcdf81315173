import type { Baseline } from './baseline';
import type { CheckOutcome, Rule, RuleResult, RuleStatus } from './types';

/** What became of one test that declared (or checked) a rule. */
export interface TestOutcome {
  readonly title: string;
  /** The test body ran to its end: a declared rule it did not check was not reached for another reason. */
  readonly completed: boolean;
  readonly skipReason?: string;
  /** Harness, configuration or network trouble that ended the test. */
  readonly error?: string;
  /** The needed check that ended the test. */
  readonly blockedBy?: { readonly rule: string; readonly message: string };
}

/** Everything the run saw of one rule. */
export interface RuleEvidence {
  readonly outcomes: readonly CheckOutcome[];
  /** Tests that declared the rule (by tag) or checked it, and what became of them. */
  readonly tests: readonly (TestOutcome & { readonly checked: boolean })[];
}

function blockedReason(b: { rule: string; message: string }): string {
  return `blocked by ${b.rule}: ${b.message}`;
}

/**
 * Folds the checks of one rule into its reported status.
 * Precedence: error > fail > pass > skip. A failed MUST is `fail`, a failed SHOULD is `warn`;
 * either becomes `known-deviation` when the baseline lists the rule. A baselined rule whose checks
 * all passed is reported as `pass` with `staleBaseline`, so the baseline cannot go stale unnoticed.
 * A rule a test could not reach because a needed check of another rule failed is `skip`, "blocked by <rule>".
 */
export function ruleResult(rule: Rule, evidence: RuleEvidence, baseline: Baseline): RuleResult {
  const counts = { pass: 0, fail: 0, error: 0, skip: 0 };
  for (const o of evidence.outcomes) counts[o.status] += 1;
  const firstMessage = (s: CheckOutcome['status']) => evidence.outcomes.find((o) => o.status === s)?.message;
  // Flakiness is told alongside the status, never instead of it: a repeated check that then held still passes.
  const flakyChecks = evidence.outcomes.filter((o) => o.flaky !== undefined && o.status !== 'skip');
  const base = {
    id: rule.id,
    level: rule.level,
    title: rule.title,
    source: rule.source,
    reference: rule.reference,
    checks: counts,
    tests: [...new Set(evidence.tests.map((t) => t.title))],
    ...(flakyChecks.length ? { flaky: { checks: flakyChecks.length, reason: flakyChecks[0]!.flaky! } } : {}),
  };
  const entry = baseline.entries.get(rule.id);
  const unreached = evidence.tests.filter((t) => !t.checked && !t.completed);

  // A test that declared the rule but ended before checking it, through no fault of the target.
  const broken = unreached.find((t) => t.error !== undefined);
  if (counts.error > 0 || (broken && counts.fail === 0)) {
    return { ...base, status: 'error', reason: firstMessage('error') ?? broken?.error };
  }
  if (counts.fail > 0) {
    const reason = firstMessage('fail');
    if (entry) return { ...base, status: 'known-deviation', reason: `${entry.reason} (observed: ${reason ?? 'failed'})` };
    return { ...base, status: rule.level === 'MUST' ? 'fail' : 'warn', reason };
  }
  const blocked = unreached.find((t) => t.blockedBy !== undefined);
  if (counts.pass > 0) {
    if (entry) return { ...base, status: 'pass', staleBaseline: true, reason: `baseline ${baseline.name} lists this rule, but it passed` };
    // Held wherever it was checked; say where it could not be, so a pass on part of the evidence is not taken for more.
    if (blocked) return { ...base, status: 'pass', blockedBy: blocked.blockedBy!.rule, reason: `held where checked; not reached in "${blocked.title}": ${blockedReason(blocked.blockedBy!)}` };
    // A part the configuration could not support (e.g. a second workspace): the pass is told as partial.
    if (counts.skip > 0) return { ...base, status: 'pass', reason: `held where checked; not checked: ${firstMessage('skip')}` };
    return { ...base, status: 'pass' };
  }
  if (counts.skip > 0) return { ...base, status: 'skip', reason: firstMessage('skip') };
  if (blocked) return { ...base, status: 'skip', blockedBy: blocked.blockedBy!.rule, reason: blockedReason(blocked.blockedBy!) };
  const skipped = evidence.tests.find((t) => t.skipReason !== undefined);
  if (skipped) return { ...base, status: 'skip', reason: skipped.skipReason };
  const ended = unreached[0];
  if (ended) return { ...base, status: 'error', reason: `"${ended.title}" ended before this rule was checked, with no failed check to name` };
  if (evidence.tests.length) return { ...base, status: 'not-run', reason: `its tests ran to the end without the case that checks it arising: ${evidence.tests.map((t) => `"${t.title}"`).join(', ')}` };
  return { ...base, status: 'not-run', reason: 'no test of this rule was selected in this run' };
}

export interface Verdict {
  readonly ok: boolean;
  readonly counts: Readonly<Record<RuleStatus, number>>;
  /** Of the skipped rules, those skipped because a needed check of another rule failed. */
  readonly blocked: number;
  readonly staleBaselines: readonly string[];
  /** Rules with a check that came after the target asked us to wait (whatever their status). */
  readonly flaky: readonly string[];
}

/**
 * The run is green only when no MUST failed, nothing errored, and the baseline holds no stale entry.
 * Flaky rules do not change the verdict: their status already says what their checks found.
 */
export function verdict(results: readonly RuleResult[]): Verdict {
  const counts: Record<RuleStatus, number> = {
    pass: 0, fail: 0, warn: 0, skip: 0, 'known-deviation': 0, error: 0, 'not-run': 0,
  };
  for (const r of results) counts[r.status] += 1;
  const blocked = results.filter((r) => r.status === 'skip' && r.blockedBy !== undefined).length;
  const staleBaselines = results.filter((r) => r.staleBaseline).map((r) => r.id);
  const flaky = results.filter((r) => r.flaky).map((r) => r.id);
  return { ok: counts.fail === 0 && counts.error === 0 && staleBaselines.length === 0, counts, blocked, staleBaselines, flaky };
}

export function summaryLine(provider: string, v: Verdict): string {
  const c = v.counts;
  const parts = [
    `${c.pass} pass`, `${c.fail} fail`, `${c.warn} warn`, `${c['known-deviation']} known deviation`,
    `${c.skip} skip${v.blocked ? ` (${v.blocked} blocked by a failed rule)` : ''}`, `${c.error} error`,
  ];
  if (c['not-run']) parts.push(`${c['not-run']} not run`);
  if (v.staleBaselines.length) parts.push(`${v.staleBaselines.length} stale baseline`);
  if (v.flaky.length) parts.push(`${v.flaky.length} flaky`);
  return `${provider}: ${parts.join(', ')}`;
}
