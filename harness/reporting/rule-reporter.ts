import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { providers } from '../../suites/registry';
import { runSettings } from '../config/run';
import { OUTCOMES_ATTACHMENT, TRANSCRIPT_ATTACHMENT } from '../fixtures/conformance';
import { COUNTEREXAMPLE_ATTACHMENT } from '../property/run-property';
import { NO_BASELINE, loadBaseline, type Baseline } from '../rules/baseline';
import { rulesFromTags } from '../rules/catalogue';
import { ruleResult, summaryLine, verdict, type RuleEvidence, type Verdict } from '../rules/verdict';
import type { CheckOutcome, RuleResult } from '../rules/types';

interface TestRecord {
  readonly title: string;
  readonly declared: readonly string[];
  readonly outcomes: readonly CheckOutcome[];
  readonly status: TestResult['status'];
  readonly skipReason?: string;
  readonly error?: string;
  readonly transcript?: string;
  readonly counterexample?: string;
  readonly cleanupProblems?: string;
}

interface ProjectRun {
  readonly name: string;
  readonly provider: string;
  readonly targetUrlOverride?: string;
  readonly tests: Map<string, TestRecord>;
}

export interface ProjectReport {
  readonly project: string;
  readonly provider: string;
  readonly target: Readonly<Record<string, string>>;
  readonly baseline?: { readonly name: string; readonly target: string };
  readonly verdict: Verdict;
  readonly summary: string;
  readonly rules: readonly (RuleResult & { transcript?: string; counterexample?: string })[];
  readonly cleanupProblems: readonly string[];
}

/**
 * Turns test results into per-rule results: reads the rule tags of each test and the outcomes its checks
 * attached, applies the baseline, writes `<report dir>/<project>/rules.json` and `summary.json`,
 * prints one line per provider, and fails the run on a MUST failure, an error or a stale baseline.
 */
export default class RuleReporter implements Reporter {
  private readonly projects = new Map<string, ProjectRun>();
  private reportDir = 'reports';

  onBegin(config: FullConfig, _suite: Suite): void {
    this.reportDir = resolve(runSettings().reportDir);
    for (const p of config.projects) {
      const use = p.use as { provider?: string; targetUrlOverride?: string };
      if (use.provider && providers[use.provider]) {
        this.projects.set(p.name, { name: p.name, provider: use.provider, targetUrlOverride: use.targetUrlOverride, tests: new Map() });
      }
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const run = this.projects.get(test.parent.project()?.name ?? '');
    if (!run) return;
    const attachment = (name: string) => result.attachments.find((a) => a.name === name)?.body?.toString('utf8');
    const outcomes = JSON.parse(attachment(OUTCOMES_ATTACHMENT) ?? '[]') as CheckOutcome[];
    const failed = result.status === 'failed' || result.status === 'timedOut' || result.status === 'interrupted';
    const targetFailed = outcomes.some((o) => o.status === 'fail' || o.status === 'error');
    const skip = result.status === 'skipped' ? test.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped' : undefined;
    // Retries overwrite earlier attempts: the last result of a test is its result.
    run.tests.set(test.id, {
      title: test.titlePath().slice(3).join(' › '),
      declared: rulesFromTags(test.tags),
      outcomes,
      status: result.status,
      skipReason: skip,
      error: failed && !targetFailed ? plain(result.error?.message ?? result.status) : undefined,
      transcript: attachment(TRANSCRIPT_ATTACHMENT),
      counterexample: attachment(COUNTEREXAMPLE_ATTACHMENT),
      cleanupProblems: result.annotations.find((a) => a.type === 'cleanup-failed')?.description,
    });
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const reports: ProjectReport[] = [];
    for (const run of this.projects.values()) {
      if (run.tests.size === 0) continue;
      reports.push(this.projectReport(run));
    }
    mkdirSync(this.reportDir, { recursive: true });
    for (const r of reports) {
      const dir = join(this.reportDir, r.project);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'rules.json'), `${JSON.stringify(r, null, 2)}\n`);
    }
    writeFileSync(
      join(this.reportDir, 'summary.json'),
      `${JSON.stringify({ status: result.status, projects: reports.map(({ project, provider, summary, verdict: v }) => ({ project, provider, summary, verdict: v })) }, null, 2)}\n`,
    );
    if (reports.length) {
      console.log('\nConformance, rule by rule:');
      for (const r of reports) {
        console.log(`  ${r.summary}`);
        for (const rule of r.rules) {
          if (rule.status === 'pass' && !rule.staleBaseline) continue;
          if (rule.status === 'not-run') continue;
          console.log(`    ${rule.status.toUpperCase().padEnd(15)} ${rule.id} (${rule.level})${rule.reason ? `: ${firstLine(rule.reason)}` : ''}`);
        }
        for (const p of r.cleanupProblems) console.log(`    CLEANUP FAILED  ${firstLine(p)}`);
      }
      console.log(`  per-rule results: ${this.reportDir}/<project>/rules.json\n`);
    }
    const bad = reports.some((r) => !r.verdict.ok || r.cleanupProblems.length > 0);
    return bad && result.status === 'passed' ? { status: 'failed' } : undefined;
  }

  private projectReport(run: ProjectRun): ProjectReport {
    const provider = providers[run.provider]!;
    const settings = provider.settings(run.targetUrlOverride);
    const catalogue = provider.contract.catalogue;
    let baseline: Baseline = NO_BASELINE;
    if (settings.baseline) baseline = loadBaseline(resolve(provider.contract.baselinesDir, `${settings.baseline}.yaml`), catalogue);
    const tests = [...run.tests.values()];
    const rules = catalogue.all().map((rule) => {
      const evidence: RuleEvidence = {
        outcomes: tests.flatMap((t) => t.outcomes.filter((o) => o.rule === rule.id)),
        tests: tests
          .filter((t) => t.declared.includes(rule.id) || t.outcomes.some((o) => o.rule === rule.id))
          .map((t) => ({
            title: t.title,
            reached: t.status === 'passed' || t.outcomes.some((o) => o.rule === rule.id),
            skipReason: t.skipReason,
            error: t.error,
          })),
      };
      const res = ruleResult(rule, evidence, baseline);
      const evidenceTest = tests.find((t) => t.outcomes.some((o) => o.rule === rule.id && o.status !== 'pass' && o.status !== 'skip'));
      return res.status === 'pass' || res.status === 'not-run' || res.status === 'skip'
        ? res
        : { ...res, transcript: evidenceTest?.transcript, counterexample: evidenceTest?.counterexample };
    });
    const v = verdict(rules);
    return {
      project: run.name,
      provider: run.provider,
      target: settings.shown,
      baseline: baseline.name ? { name: baseline.name, target: baseline.target } : undefined,
      verdict: v,
      summary: summaryLine(run.name, v),
      rules,
      cleanupProblems: tests.flatMap((t) => (t.cleanupProblems ? [`${t.title}: ${t.cleanupProblems}`] : [])),
    };
  }

  printsToStdio(): boolean {
    return false;
  }
}

function plain(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

function firstLine(s: string): string {
  return plain(s).split('\n')[0]!.slice(0, 200);
}
