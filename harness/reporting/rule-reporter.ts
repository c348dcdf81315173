import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { providersByName } from '../provider/discover';
import { faultUrl } from '../provider/ports';

/** The declared providers, found where the run's composition root looks for them. */
const providers = providersByName();
import { runSettings } from '../config/run';
import { FAULT_NAMESPACE_ANNOTATION, LATE_CLEANUP_FAILED, OUTCOMES_ATTACHMENT, TRANSCRIPT_ATTACHMENT, type TestEvidence } from '../fixtures/conformance';
import { PREFLIGHT_ANNOTATION } from '../preflight/preflight';
import { COUNTEREXAMPLE_ATTACHMENT } from '../property/run-property';
import { NO_BASELINE, loadBaseline, type Baseline } from '../rules/baseline';
import { rulesFromTags } from '../rules/catalogue';
import { plainText as plain } from '../text';
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
  /** Failed undo steps of creates answered after their test ended, told by workers as they stop. */
  private readonly lateCleanupProblems: string[] = [];
  /**
   * The reporter is always on (harness/reporting/always-on.ts), and may also be named in a reporter list: one
   * instance per process does the work, whatever the command line said. `--list` runs no test and writes nothing.
   */
  private readonly inert: boolean;
  private static active = false;

  constructor() {
    this.inert = RuleReporter.active || process.argv.includes('--list');
    if (!this.inert) RuleReporter.active = true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    if (this.inert) return;
    this.started = new Date();
    for (const p of config.projects) {
      // Blob reports (shards merged by `playwright merge-reports`) keep a project's metadata, not its `use`.
      const use = { ...(p.metadata as object), ...(p.use as object) } as { provider?: string; targetUrlOverride?: string };
      if (use.provider && providers[use.provider]) {
        this.projects.set(p.name, { name: p.name, provider: use.provider, targetUrlOverride: use.targetUrlOverride, tests: new Map() });
      }
    }
    // A report never outlives its run unnoticed: this run's projects start from nothing, and so does summary.json.
    for (const project of suite.suites) {
      const name = project.title;
      if (this.projects.has(name)) rmSync(join(this.reportDir, name), { recursive: true, force: true });
    }
    rmSync(join(this.reportDir, 'summary.json'), { force: true });
  }

  /** A worker's report of failed late undo steps comes as a run error, or on the test it was running last. */
  onError(error: TestError): void {
    if (!this.inert) this.noteLateCleanup(error);
  }

  private noteLateCleanup(error: TestError): void {
    const message = plain(error.message ?? '');
    const at = message.indexOf(LATE_CLEANUP_FAILED);
    if (at < 0) return;
    for (const line of message.slice(at).split('\n').slice(1)) {
      if (!/^ {2}\S/.test(line)) break;
      this.lateCleanupProblems.push(line.trim());
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (this.inert) return;
    for (const error of result.errors) this.noteLateCleanup(error);
    const projectName = test.parent.project()?.name ?? '';
    const run = this.runOf(projectName, result);
    if (!run) return;
    // The target did not answer or refused our credentials: that one reason stands for every test of the suite.
    const preflightFailed = result.annotations.find((a) => a.type === PREFLIGHT_ANNOTATION)?.description;
    if (preflightFailed) {
      run.preflightError = preflightFailed;
      return;
    }
    const attachment = (name: string) => result.attachments.find((a) => a.name === name)?.body?.toString('utf8');
    const evidence = JSON.parse(attachment(OUTCOMES_ATTACHMENT) ?? '{"outcomes":[],"coverage":[],"completed":false}') as TestEvidence;
    const failed = result.status === 'failed' || result.status === 'timedOut' || result.status === 'interrupted';
    // Failed because the target broke a rule (a check failed, or a needed one did): not the harness's trouble.
    const targetFailed = evidence.blockedBy !== undefined || evidence.outcomes.some((o) => o.status === 'fail' || o.status === 'error');
    // Retries overwrite earlier attempts: the last result of a test is its result.
    run.tests.set(test.id, {
      title: test.titlePath().slice(3).join(' › '),
      declared: rulesFromTags(test.tags),
      outcomes: evidence.outcomes,
      coverage: evidence.coverage,
      status: result.status,
      completed: evidence.completed,
      blockedBy: evidence.blockedBy,
      skipReason: result.status === 'skipped' && !evidence.blockedBy ? skipReasonOf(test, result) : undefined,
      error: failed && !targetFailed ? plain(result.error?.message ?? result.status) : undefined,
      transcript: attachment(TRANSCRIPT_ATTACHMENT),
      counterexample: attachment(COUNTEREXAMPLE_ATTACHMENT),
      cleanupProblems: result.annotations.find((a) => a.type === 'cleanup-failed')?.description,
      targetVersion: evidence.targetVersion,
    });
  }

  /**
   * The project a result reports to. A batched self-proof copy (harness/fixtures/fault-copies.ts) reports to the
   * project its fault would have had of its own, `<provider>~<fault>` (`a+b` for faults on together).
   */
  private runOf(projectName: string, result: TestResult): ProjectRun | undefined {
    const run = this.projects.get(projectName);
    const namespace = result.annotations.find((a) => a.type === FAULT_NAMESPACE_ANNOTATION)?.description;
    if (!run || namespace === undefined) return run;
    const name = `${run.provider}~${namespace.replace(/,/g, '+')}`;
    let copy = this.projects.get(name);
    if (!copy) {
      copy = { name, provider: run.provider, targetUrlOverride: faultUrl(run.provider, namespace), tests: new Map() };
      this.projects.set(name, copy);
      rmSync(join(this.reportDir, name), { recursive: true, force: true });
    }
    return copy;
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.inert) return undefined;
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
    this.exitCode = result.status === 'interrupted' ? 0 : exitCodeOf(reports, this.lateCleanupProblems);
    const older = olderReports(this.reportDir, new Set(reports.map((r) => r.project)));
    // `merge-reports` ignores a reporter's verdict: the exit code is written down for CI to read.
    writeFileSync(
      join(this.reportDir, 'summary.json'),
      `${JSON.stringify({
        status: result.status,
        exitCode: this.exitCode,
        date: this.started.toISOString(),
        projects: reports.map(({ project, provider, summary, verdict: v }) => ({ project, provider, summary, verdict: v })),
        ...(this.lateCleanupProblems.length ? { lateCleanupProblems: this.lateCleanupProblems } : {}),
        ...(older.length ? { olderReports: older } : {}),
      }, null, 2)}\n`,
    );
    if (reports.length || this.lateCleanupProblems.length) printSummary(reports, this.reportDir, this.lateCleanupProblems, older);
    return this.exitCode !== 0 && result.status === 'passed' ? { status: 'failed' } : undefined;
  }

  /**
   * Playwright exits 1 on any failure; a run whose only trouble was our own (harness, configuration, network)
   * exits 2 instead, so a nightly job can tell "the target broke its contract" from "we could not check it".
   */
  async onExit(): Promise<void> {
    if (this.inert) return;
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
      contract: provider.contract.openapi,
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

function exitCodeOf(reports: readonly ProjectReport[], lateCleanupProblems: readonly string[]): number {
  if (reports.some((r) => r.verdict.counts.fail > 0 || r.verdict.staleBaselines.length > 0)) return 1;
  if (reports.some((r) => r.verdict.counts.error > 0 || r.cleanupProblems.length > 0) || lateCleanupProblems.length) return HARNESS_ERROR_EXIT;
  return 0;
}

/** Reports of earlier runs still in the report dir (other projects than this run's), with their dates. */
function olderReports(reportDir: string, current: ReadonlySet<string>): { project: string; date: string }[] {
  if (!existsSync(reportDir)) return [];
  return readdirSync(reportDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !current.has(d.name) && existsSync(join(reportDir, d.name, 'rules.json')))
    .map((d) => {
      try {
        return { project: d.name, date: (JSON.parse(readFileSync(join(reportDir, d.name, 'rules.json'), 'utf8')) as { date?: string }).date ?? '?' };
      } catch {
        return { project: d.name, date: '?' };
      }
    });
}

/** A failed preflight stands in for every test of the suite: each rule is an error, for that one reason. */
function preflightRecord(message: string, ruleIds: readonly string[]): TestRecord {
  return { title: 'preflight', declared: ruleIds, outcomes: [], coverage: [], status: 'failed', completed: false, error: message };
}

/** The reason of a skip, declared (`test.skip(cond, why)` at load time) or at run time (result annotations). */
function skipReasonOf(test: TestCase, result: TestResult): string {
  const all = [...(result.annotations ?? []), ...test.annotations];
  return all.find((a) => a.type === 'skip')?.description ?? 'skipped';
}

function printSummary(reports: readonly ProjectReport[], reportDir: string, lateCleanupProblems: readonly string[], older: readonly { project: string; date: string }[]): void {
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
  for (const p of lateCleanupProblems) console.log(`  CLEANUP FAILED  ${firstLine(p)}`);
  console.log(`  reports: ${reportDir}/<project>/conformance.html, rules.json, rules.junit.xml`);
  if (older.length) {
    const dates = older.map((o) => o.date).sort();
    const named = older.length <= 3 ? older.map((o) => o.project).join(', ') : `${older.length} projects`;
    console.log(`  older reports, not from this run: ${named} (${dates[0]}${dates.length > 1 ? ` to ${dates.at(-1)}` : ''}); see summary.json`);
  }
  console.log('');
}


function firstLine(s: string): string {
  return plain(s).split('\n')[0]!.slice(0, 200);
}
