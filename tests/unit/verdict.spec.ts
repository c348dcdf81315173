import { expect, test } from '@playwright/test';
import type { Baseline } from '../../harness/rules/baseline';
import { ruleResult, summaryLine, verdict, type RuleEvidence } from '../../harness/rules/verdict';
import type { CheckOutcome, Rule, RuleLevel } from '../../harness/rules/types';

const rule = (level: RuleLevel = 'MUST'): Rule => ({
  id: 'demo.rule', level, title: 't', source: 's', reference: 'r', basis: 'stated',
});
const none: Baseline = { name: '', target: '', entries: new Map() };
const listing: Baseline = { name: 'demo-1.0', target: 'demo 1.0', entries: new Map([['demo.rule', { rule: 'demo.rule', reason: 'known' }]]) };
const evidence = (statuses: CheckOutcome['status'][], tests: RuleEvidence['tests'] = [{ title: 'T', reached: true }]): RuleEvidence => ({
  outcomes: statuses.map((status) => ({ rule: 'demo.rule', status, message: status })),
  tests,
});

test.describe('rule results', () => {
  test('one failed check fails a MUST rule, whatever passed', () => {
    expect(ruleResult(rule(), evidence(['pass', 'fail', 'pass']), none).status).toBe('fail');
  });

  test('a failed SHOULD rule is a warning', () => {
    expect(ruleResult(rule('SHOULD'), evidence(['fail']), none).status).toBe('warn');
  });

  test('a baselined failure is a known deviation carrying the reason', () => {
    const r = ruleResult(rule(), evidence(['fail']), listing);
    expect(r.status).toBe('known-deviation');
    expect(r.reason).toContain('known');
  });

  test('a baselined rule that passes is flagged stale and fails the verdict', () => {
    const r = ruleResult(rule(), evidence(['pass']), listing);
    expect(r).toMatchObject({ status: 'pass', staleBaseline: true });
    expect(verdict([r]).ok).toBe(false);
  });

  test('an error outranks a failure and is never the target\'s fault', () => {
    expect(ruleResult(rule(), evidence(['fail', 'error']), none).status).toBe('error');
  });

  test('a test that broke before checking the rule makes it an error', () => {
    const r = ruleResult(rule(), evidence([], [{ title: 'T', reached: false, error: 'ECONNREFUSED' }]), none);
    expect(r).toMatchObject({ status: 'error', reason: 'ECONNREFUSED' });
  });

  test('a rule behind an earlier failed check is skipped as not reached', () => {
    expect(ruleResult(rule(), evidence([], [{ title: 'T', reached: false }]), none).status).toBe('skip');
  });

  test('a rule no selected test checks is not run', () => {
    expect(ruleResult(rule(), evidence([], []), none).status).toBe('not-run');
  });

  test('the verdict holds with warnings and known deviations, not with a failure', () => {
    const warn = ruleResult(rule('SHOULD'), evidence(['fail']), none);
    const known = ruleResult(rule(), evidence(['fail']), listing);
    const fail = ruleResult(rule(), evidence(['fail']), none);
    expect(verdict([warn, known]).ok).toBe(true);
    expect(verdict([warn, known, fail]).ok).toBe(false);
    expect(summaryLine('demo', verdict([warn, known]))).toBe('demo: 0 pass, 0 fail, 1 warn, 1 known deviation, 0 skip, 0 error');
  });
});
