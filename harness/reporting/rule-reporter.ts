import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { providers } from '../../suites/registry';
import { runSettings } from '../config/run';
import { OUTCOMES_ATTACHMENT, TRANSCRIPT_ATTACHMENT, type TestEvidence } from '../fixtures/conformance';
import { PREFLIGHT_FAILED } from '../preflight/preflight';
import { COUNTEREXAMPLE_ATTACHMENT } from '../property/run-property';
import { NO_BASELINE, loadBaseline, type Baseline } from '../rules/baseline';
import { rulesFromTags } from '../rules/catalogue';
import { renderConformanceHtml } from './html-report';
import { renderRulesJunit } from './junit-rules';
import { buildProjectReport, type ProjectReport, type TestRecord } from './project-report';

export type { ProjectReport } from './project-report';

interface ProjectRun {
  readonly name: string;
  readonly provider: string;
  readonly targetUrlOverride?: string;
  readonly tests: Map<string, TestRecord>;
  /** Set when the project's preflight failed: the one reason none of its rules could be checked. */
  preflightError?: string;
}

/**
 * Turns test results into per-rule results: reads the rule tags of each test and the evidence its checks
 * attached, applies the baseline, and writes per project `rules.json`, `conformance.html` and
 * `rules.junit.xml` under the report dir, plus `summary.json`. Prints one line per provider, and fails the
 * run on a MUST failure, an error, a stale baseline entry or a failed cleanup.
 */
export default class RuleReporter implements Reporter {
  private readonly projects = new Map<string, ProjectRun>();
  private readonly reportDir = resolve(runSettings().reportDir);
  private started = new Date();
  private exitCode = 0;

  onBegin(config: FullConfig, _suite: Suite): void {
    this.started = new Date();
    for (const p of config.projects) {
      // Blob reports (shards merged by `playwright merge-reports`) keep a project's metadata, not its `use`.
      const use = { ...(p.metadata as object), ...(p.use as object) } as { provider?: string; targetUrlOverride?: string };
      if (use.provider && providers[use.provider]) {
        this.projects.set(p.name, { name: p.name, provider: use.provider, targetUrlOverride: use.targetUrlOverride, tests: new Map() });
      }
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const projectName = test.parent.project()?.name ?? '';
    const guarded = this.projects.get(projectName.replace(/:preflight$/, ''));
    if (projectName.endsWith(':preflight')) {
      if (guarded && result.status !== 'passed' && result.status !== 'skipped') {
        const message = plain(result.error?.message ?? result.status);
        guarded.preflightError = message.slice(message.indexOf(PREFLIGHT_FAILED) >= 0 ? message.indexOf(PREFLIGHT_FAILED) : 0).split('\n')[0];
      }
      return;
    }
    const run = this.projects.get(projectName);
    if (!run) return;
    const attachment = (name: string) => result.attachments.find((a) => a.name === name)?.body?.toString('utf8');
    const evidence = JSON.parse(attachment(OUTCOMES_ATTACHMENT) ?? '{"outcomes":[],"coverage":[]}') as TestEvidence;
    const failed = result.status === 'failed' || result.status === 'timedOut' || result.status === 'interrupted';
    const targetFailed = evidence.outcomes.some((o) => o.status === 'fail' || o.status === 'error');
    // Retries overwrite earlier attempts: the last result of a test is its result.
    run.tests.set(test.id, {
      title: test.titlePath().slice(3).join(' › '),
      declared: rulesFromTags(test.tags),
      outcomes: evidence.outcomes,
      coverage: evidence.coverage,
      status: result.status,
      skipReason: result.status === 'skipped' ? test.annotations.find((a) => a.type === 'skip')?.description ?? 'skipped' : undefined,
      error: failed && !targetFailed ? plain(result.error?.message ?? result.status) : undefined,
      transcript: attachment(TRANSCRIPT_ATTACHMENT),
      counterexample: attachment(COUNTEREXAMPLE_ATTACHMENT),
      cleanupProblems: result.annotations.find((a) => a.type === 'cleanup-failed')?.description,
      targetVersion: evidence.targetVersion,
    });
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const reports: ProjectReport[] = [];
    for (const run of this.projects.values()) if (run.tests.size || run.preflightError) reports.push(this.projectReport(run));
    mkdirSync(this.reportDir, { recursive: true });
    for (const r of reports) {
      const dir = join(this.reportDir, r.project);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'rules.json'), `${JSON.stringify(r, null, 2)}\n`);
      writeFileSync(join(dir, 'conformance.html'), renderConformanceHtml(r));
      writeFileSync(join(dir, 'rules.junit.xml'), renderRulesJunit(r));
    }
    this.exitCode = result.status === 'interrupted' ? 0 : exitCodeOf(reports);
    // `merge-reports` ignores a reporter's verdict: the exit code is written down for CI to read.
    writeFileSync(
      join(this.reportDir, 'summary.json'),
      `${JSON.stringify({ status: result.status, exitCode: this.exitCode, projects: reports.map(({ project, provider, summary, verdict: v }) => ({ project, provider, summary, verdict: v })) }, null, 2)}\n`,
    );
    if (reports.length) printSummary(reports, this.reportDir);
    return this.exitCode !== 0 && result.status === 'passed' ? { status: 'failed' } : undefined;
  }

  /**
   * Playwright exits 1 on any failure; a run whose only trouble was our own (harness, configuration, network)
   * exits 2 instead, so a nightly job can tell "the target broke its contract" from "we could not check it".
   */
  async onExit(): Promise<void> {
    if (this.exitCode === HARNESS_ERROR_EXIT) process.exit(HARNESS_ERROR_EXIT);
  }

  private projectReport(run: ProjectRun): ProjectReport {
    const provider = providers[run.provider]!;
    const settings = provider.settings(run.targetUrlOverride);
    let baseline: Baseline = NO_BASELINE;
    if (settings.baseline) baseline = loadBaseline(resolve(provider.contract.baselinesDir, `${settings.baseline}.yaml`), provider.contract.catalogue);
    return buildProjectReport({
      project: run.name,
      provider: run.provider,
      date: this.started,
      tests: run.preflightError ? [preflightRecord(run.preflightError, provider.contract.catalogue.all().map((r) => r.id))] : [...run.tests.values()],
      catalogue: provider.contract.catalogue,
      contract: provider.contract.contract,
      baseline,
      target: settings.shown,
    });
  }

  printsToStdio(): boolean {
    return false;
  }
}

/** Exit status 1: the target broke a MUST rule (or the baseline is stale). 2: harness or network error only. */
export const HARNESS_ERROR_EXIT = 2;

function exitCodeOf(reports: readonly ProjectReport[]): number {
  if (reports.some((r) => r.verdict.counts.fail > 0 || r.verdict.staleBaselines.length > 0)) return 1;
  if (reports.some((r) => r.verdict.counts.error > 0 || r.cleanupProblems.length > 0)) return HARNESS_ERROR_EXIT;
  return 0;
}

/** A failed preflight stands in for every test of the suite: each rule is an error, for that one reason. */
function preflightRecord(message: string, ruleIds: readonly string[]): TestRecord {
  return { title: 'preflight', declared: ruleIds, outcomes: [], coverage: [], status: 'failed', error: message };
}

function printSummary(reports: readonly ProjectReport[], reportDir: string): void {
  console.log('\nConformance, rule by rule:');
  for (const r of reports) {
    console.log(`  ${r.summary}`);
    const reasons = new Set(r.rules.map((rule) => (rule.status === 'error' ? rule.reason : '')));
    if (reasons.size === 1 && [...reasons][0]) {
      console.log(`    no rule could be checked: ${firstLine([...reasons][0]!)}`);
      continue;
    }
    for (const rule of r.rules) {
      if ((rule.status === 'pass' && !rule.staleBaseline && !rule.flaky) || rule.status === 'not-run') continue;
      const status = rule.staleBaseline ? 'STALE BASELINE' : rule.status.toUpperCase();
      console.log(`    ${status.padEnd(15)} ${rule.id} (${rule.level})${rule.reason ? `: ${firstLine(rule.reason)}` : ''}`);
      // Told on a line of its own, under the status it qualifies (a flaky pass is still a pass).
      if (rule.flaky) console.log(`    ${''.padEnd(15)} FLAKY, ${rule.flaky.checks} check(s): ${firstLine(rule.flaky.reason)}`);
    }
    for (const p of r.cleanupProblems) console.log(`    CLEANUP FAILED  ${firstLine(p)}`);
  }
  console.log(`  reports: ${reportDir}/<project>/conformance.html, rules.json, rules.junit.xml\n`);
}

function plain(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

function firstLine(s: string): string {
  return plain(s).split('\n')[0]!.slice(0, 200);
}
