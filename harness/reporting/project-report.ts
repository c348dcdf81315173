import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Contract } from '../contract/openapi';
import type { Baseline } from '../rules/baseline';
import type { RuleCatalogue } from '../rules/catalogue';
import { ruleResult, summaryLine, verdict, type RuleEvidence, type TestOutcome, type Verdict } from '../rules/verdict';
import type { CheckOutcome, RuleResult } from '../rules/types';

/** What the reporter keeps of one test (its last attempt). */
export interface TestRecord extends TestOutcome {
  readonly declared: readonly string[];
  readonly outcomes: readonly CheckOutcome[];
  readonly coverage: readonly (readonly [string, number])[];
  readonly status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  readonly transcript?: string;
  readonly counterexample?: string;
  readonly cleanupProblems?: string;
  readonly targetVersion?: string;
}

export interface RuleReport extends RuleResult {
  /** Requests of the test that showed the failure, secrets replaced. */
  readonly transcript?: string;
  /** fast-check seed, path, shrunk counterexample and the command that replays it. */
  readonly counterexample?: string;
}

export interface OperationCoverage {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** Every documented status, and how many answers with it the run saw. */
  readonly documented: readonly { readonly status: string; readonly seen: number }[];
  /** Statuses the run saw that the contract does not document for the operation. */
  readonly undocumented: readonly { readonly status: number; readonly seen: number }[];
}

export interface ProjectReport {
  readonly project: string;
  readonly provider: string;
  readonly title: string;
  readonly date: string;
  readonly harnessVersion: string;
  readonly target: Readonly<Record<string, string>>;
  readonly targetVersion?: string;
  readonly baseline?: { readonly name: string; readonly target: string };
  readonly verdict: Verdict;
  readonly summary: string;
  readonly rules: readonly RuleReport[];
  readonly coverage: readonly OperationCoverage[];
  readonly cleanupProblems: readonly string[];
}

export const HARNESS_VERSION: string = (
  JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

export interface ProjectInput {
  readonly project: string;
  readonly provider: string;
  readonly date: Date;
  readonly tests: readonly TestRecord[];
  readonly catalogue: RuleCatalogue;
  readonly contract: Contract;
  readonly baseline: Baseline;
  readonly target: Readonly<Record<string, string>>;
}

/** Folds the tests of one project into its per-rule report. Pure: the reporter does the I/O. */
export function buildProjectReport(input: ProjectInput): ProjectReport {
  const { tests, baseline } = input;
  const rules = input.catalogue.all().map((rule): RuleReport => {
    const evidence: RuleEvidence = {
      outcomes: tests.flatMap((t) => t.outcomes.filter((o) => o.rule === rule.id)),
      tests: tests
        .filter((t) => t.declared.includes(rule.id) || t.outcomes.some((o) => o.rule === rule.id))
        .map((t) => ({
          title: t.title,
          checked: t.outcomes.some((o) => o.rule === rule.id),
          completed: t.completed,
          skipReason: t.skipReason,
          error: t.error,
          blockedBy: t.blockedBy,
        })),
    };
    const res = ruleResult(rule, evidence, baseline);
    // A flaky pass keeps its evidence too: the transcript shows what the target asked and what was repeated.
    if ((res.status === 'pass' && !res.flaky) || res.status === 'not-run' || (res.status === 'skip' && !res.blockedBy)) return res;
    const shown = tests.find((t) => t.outcomes.some((o) => o.rule === rule.id && (o.status === 'fail' || o.status === 'error')))
      ?? tests.find((t) => evidence.tests.some((e) => e.title === t.title && e.error))
      ?? tests.find((t) => t.outcomes.some((o) => o.rule === rule.id && o.flaky !== undefined))
      // A blocked rule shows the test that stopped, with the failure that stopped it.
      ?? tests.find((t) => res.blockedBy !== undefined && t.blockedBy?.rule === res.blockedBy && evidence.tests.some((e) => e.title === t.title));
    return { ...res, transcript: shown?.transcript, counterexample: shown?.counterexample };
  });
  const v = verdict(rules);
  return {
    project: input.project,
    provider: input.provider,
    title: input.contract.title,
    date: input.date.toISOString(),
    harnessVersion: HARNESS_VERSION,
    target: input.target,
    targetVersion: tests.find((t) => t.targetVersion)?.targetVersion,
    baseline: baseline.name ? { name: baseline.name, target: baseline.target } : undefined,
    verdict: v,
    summary: summaryLine(input.project, v),
    rules,
    coverage: coverageOf(input.contract, tests),
    cleanupProblems: tests.flatMap((t) => (t.cleanupProblems ? [`${t.title}: ${t.cleanupProblems}`] : [])),
  };
}

function coverageOf(contract: Contract, tests: readonly TestRecord[]): OperationCoverage[] {
  const seen = new Map<string, number>();
  for (const t of tests) for (const [op, status] of t.coverage) seen.set(`${op} ${status}`, (seen.get(`${op} ${status}`) ?? 0) + 1);
  return contract.operations().map((op) => {
    const documented = op.responses.map((r) => ({
      status: r.status,
      seen: [...seen.entries()]
        .filter(([key]) => key.startsWith(`${op.operationId} `) && contract.responseFor(op.operationId, Number(key.split(' ')[1]))?.status === r.status)
        .reduce((n, [, count]) => n + count, 0),
    }));
    const undocumented = [...seen.entries()]
      .filter(([key]) => key.startsWith(`${op.operationId} `) && !contract.responseFor(op.operationId, Number(key.split(' ')[1])))
      .map(([key, count]) => ({ status: Number(key.split(' ')[1]), seen: count }));
    return { operationId: op.operationId, method: op.method, path: op.path, documented, undocumented };
  });
}
