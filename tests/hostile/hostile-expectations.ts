import { expect, test } from '@playwright/test';
import type { ProjectReport } from '../../harness/reporting/rule-reporter';
import { HOSTILE_BEHAVIOUR, type HostileMode } from '../support/hostile-server';
import { CHILD_RUN_TIMEOUT_MS, childTestTimes, describeRun, reportOf, requestTimeoutFor, type HostileRun } from './hostile-run';

/** The whole child run, Playwright's start and the report included (see CHILD_RUN_TIMEOUT_MS). */
export const RUN_BOUND_MS = CHILD_RUN_TIMEOUT_MS;
/**
 * One test of the child run: a few requests, each bounded. The tight bound: a dribbled answer alone takes over a
 * minute, a hung one forever, and a test that waited for either would reach its own timeout (60 s).
 */
export const CHILD_TEST_BOUND_MS = 30_000;
/** All processes of one child run together (runner, workers; RSS summed, so shared pages count more than once). */
export const PEAK_RSS_BOUND_BYTES = 1.5 * 2 ** 30;
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

interface Expected {
  /** 2: only errors (we could not check); 1: a MUST rule broke. */
  readonly exitCode: 1 | 2;
  /** Every rule that did not pass says this, so a person reading the report knows what the target did. */
  readonly message: RegExp;
  /**
   * Rules that may pass: their checks hold on the spoiled answer (e.g. a documented status). 'any' where the
   * answer is spoiled in one respect only (its content type): every other rule is judged on what it holds.
   */
  readonly mayPass: readonly string[] | 'any';
  /** Rules that must break whatever else passes. */
  readonly mustBreak?: readonly string[];
}

const stalled = (mode: HostileMode) => new RegExp(`no complete answer from the target within ${requestTimeoutFor(mode)} ms`);

export const EXPECTED: Record<HostileMode, Expected> = {
  hang: { exitCode: 2, message: stalled('hang'), mayPass: [] },
  dribble: { exitCode: 2, message: stalled('dribble'), mayPass: [] },
  reset: { exitCode: 2, message: /no answer from the target \((ECONNRESET|EPIPE|UND_ERR_SOCKET)\b/, mayPass: [] },
  huge: { exitCode: 2, message: new RegExp(`the answer is larger than ${DEFAULT_MAX_RESPONSE_BYTES} bytes; reading stopped there`), mayPass: [] },
  redirect: { exitCode: 1, message: /\b30[27]\b/, mayPass: [] },
  // Statuses are right, so the rules about statuses alone may hold.
  'non-json': { exitCode: 1, message: /the body is not JSON/, mayPass: ['jupyter.json-content-type', 'jupyter.status-documented', 'jupyter.unknown-id-404', 'jupyter.auth-required'] },
  'truncated-json': { exitCode: 1, message: /the body is not JSON/, mayPass: ['jupyter.json-content-type', 'jupyter.status-documented', 'jupyter.unknown-id-404', 'jupyter.auth-required'] },
  'wrong-content-type': { exitCode: 1, message: /a JSON body must be sent as application\/json, got "text\/html/, mayPass: 'any', mustBreak: ['jupyter.json-content-type'] },
  'random-5xx': { exitCode: 1, message: /\b50[0234]\b/, mayPass: [] },
};

/** The tests every mode gets: bounded time, a report, bounded memory, and the right rules failing for the right reason. */
export function hostileModeTests(mode: HostileMode, runOf: () => HostileRun): void {
  const expected = EXPECTED[mode];

  test.describe(`hostile target "${mode}" (${HOSTILE_BEHAVIOUR[mode]})`, () => {
    test('the run ends in bounded time with a report and exit status 1 or 2, never killed', () => {
      const run = runOf();
      test.info().annotations.push({ type: 'hostile run', description: describeRun(run) });
      expect(run.killed, "the run outlived its bound and its processes had to be killed").toBe(false);
      expect(run.exitCode, run.output.slice(-2000)).toBe(expected.exitCode);
      // Playwright's global timeout is the same bound: reaching it shows as the message below.
      expect(run.durationMs).toBeLessThan(RUN_BOUND_MS);
      expect(run.output).not.toMatch(/Timed out waiting \d+s for the entire test run|Test timeout of \d+ms exceeded/);
      const report = reportOf(run); // rules.json was written
      expect(report.verdict.ok).toBe(false);
      const tests = childTestTimes(run);
      expect(tests.length, 'tests of the child run in junit.xml').toBeGreaterThan(1);
      for (const t of tests) expect(t.ms, `child test "${t.name}"`).toBeLessThan(CHILD_TEST_BOUND_MS);
      // The target really misbehaved, after answering the preflight.
      expect(run.server.preflight).toBe(2);
      expect(run.server.hostile).toBeGreaterThan(0);
    });

    test('memory stays bounded', () => {
      const run = runOf();
      expect(run.rssSamples, 'RSS samples taken during the run').toBeGreaterThan(5);
      expect(run.peakRssBytes).toBeGreaterThan(0);
      expect(run.peakRssBytes, describeRun(run)).toBeLessThan(PEAK_RSS_BOUND_BYTES);
    });

    test('the affected rules fail or error with a message that says what the target did; nothing passes on a spoiled answer', () => {
      const run = runOf();
      const report = reportOf(run);
      test.info().annotations.push({ type: 'hostile run', description: describeRun(run, report) });
      const checked = report.rules.filter((r) => r.status !== 'not-run');
      expect(checked.length, report.summary).toBeGreaterThan(0);
      const passed = checked.filter((r) => r.status === 'pass').map((r) => r.id);
      const mayPass = expected.mayPass;
      if (mayPass !== 'any') expect(passed.filter((id) => !mayPass.includes(id)), 'rules that passed on a hostile answer').toEqual([]);
      const broken = checked.filter((r) => ['fail', 'error', 'warn'].includes(r.status));
      expect(broken.length, report.summary).toBeGreaterThan(0);
      for (const id of expected.mustBreak ?? []) expect(broken.map((r) => r.id), reasons(report)).toContain(id);
      // Where the answer is spoiled in one respect only, the other rules are judged on the stand-in's answers as
      // they are (a simple server): only the spoiled rules must say what was spoiled.
      const explained = mayPass === 'any' ? broken.filter((r) => expected.mustBreak?.includes(r.id)) : broken;
      for (const r of explained) expect(r.reason ?? '', `reason of ${r.id} (${r.status})`).toMatch(expected.message);
      for (const r of checked.filter((c) => c.status === 'skip')) {
        expect(r.reason ?? '', `${r.id} is skipped only because a check its test needed failed`).toMatch(/^blocked by jupyter\.[a-z0-9-]+: /);
      }
      expect(checked.filter((r) => !['pass', 'fail', 'error', 'warn', 'skip'].includes(r.status)).map((r) => `${r.id}: ${r.status}`)).toEqual([]);
      // Exit status 2 only when nothing but errors: the target's answers were never judged.
      if (expected.exitCode === 2) expect(report.verdict.counts.fail, report.summary).toBe(0);
      else expect(report.verdict.counts.fail, report.summary).toBeGreaterThan(0);
    });
  });
}

export function reasons(report: ProjectReport): string {
  return report.rules.map((r) => `${r.status} ${r.id}: ${(r.reason ?? '').split('\n')[0]}`).join('\n');
}
