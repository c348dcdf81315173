import { expect, test } from '@playwright/test';
import type { Baseline } from '../../harness/rules/baseline';
import { RuleCatalogue } from '../../harness/rules/catalogue';
import { Blocked, HarnessError, RuleRecorder } from '../../harness/rules/recorder';
import { ruleResult, summaryLine, verdict, type RuleEvidence } from '../../harness/rules/verdict';
import type { CheckOutcome, Rule, RuleLevel } from '../../harness/rules/types';

const rule = (level: RuleLevel = 'MUST'): Rule => ({
  id: 'demo.rule', level, title: 't', source: 's', reference: 'r', basis: 'stated',
});
const none: Baseline = { name: '', target: '', entries: new Map() };
const listing: Baseline = { name: 'demo-1.0', target: 'demo 1.0', entries: new Map([['demo.rule', { rule: 'demo.rule', reason: 'known' }]]) };
const ran = { title: 'T', checked: true, completed: true };
const evidence = (statuses: CheckOutcome['status'][], tests: RuleEvidence['tests'] = [ran]): RuleEvidence => ({
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
    const r = ruleResult(rule(), evidence([], [{ title: 'T', checked: false, completed: false, error: 'ECONNREFUSED' }]), none);
    expect(r).toMatchObject({ status: 'error', reason: 'ECONNREFUSED' });
  });

  test('a rule a test could not reach is skipped, naming the rule that blocked it', () => {
    const blockedBy = { rule: 'demo.create', message: 'status of POST /x: expected 201, received 500' };
    const r = ruleResult(rule(), evidence([], [{ title: 'T', checked: false, completed: false, blockedBy }]), none);
    expect(r).toMatchObject({ status: 'skip', blockedBy: 'demo.create', reason: 'blocked by demo.create: status of POST /x: expected 201, received 500' });
    expect(verdict([r]).blocked).toBe(1);
    expect(summaryLine('demo', verdict([r]))).toBe('demo: 0 pass, 0 fail, 0 warn, 0 known deviation, 1 skip (1 blocked by a failed rule), 0 error');
  });

  test('a rule that held where it was checked but was blocked in another test passes, and says where it was not reached', () => {
    const blocked = { title: 'U', checked: false, completed: false, blockedBy: { rule: 'demo.create', message: 'no id' } };
    const r = ruleResult(rule(), evidence(['pass'], [ran, blocked]), none);
    expect(r).toMatchObject({ status: 'pass', blockedBy: 'demo.create' });
    expect(r.reason).toContain('not reached in "U": blocked by demo.create: no id');
    expect(verdict([r]).blocked, 'only skipped rules count as blocked').toBe(0);
  });

  test('a rule that held, with a part the configuration could not support, passes and says what was not checked', () => {
    const r = ruleResult(rule(), { outcomes: [{ rule: 'demo.rule', status: 'pass' }, { rule: 'demo.rule', status: 'skip', message: 'no second workspace' }], tests: [ran] }, none);
    expect(r).toMatchObject({ status: 'pass', reason: 'held where checked; not checked: no second workspace' });
  });

  test('a test that ended with nothing to name is an error, never a bare "not reached"', () => {
    const r = ruleResult(rule(), evidence([], [{ title: 'T', checked: false, completed: false }]), none);
    expect(r.status).toBe('error');
    expect(r.reason).toContain('"T" ended before this rule was checked');
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

test.describe('the rule recorder', () => {
  const catalogue = new RuleCatalogue('demo', [
    { id: 'demo.must', level: 'MUST', title: 't', source: 's', reference: 'r', basis: 'stated' },
    { id: 'demo.should', level: 'SHOULD', title: 't', source: 's', reference: 'r', basis: 'stated' },
  ]);

  test('a failed check of any level is recorded and the test goes on, like expect.soft', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    expect(await recorder.check('demo.must', () => expect(500, 'status').toBe(201))).toBe(false);
    expect(await recorder.check('demo.should', () => expect(1).toBe(2))).toBe(false);
    expect(await recorder.check('demo.must', () => expect(201).toBe(201))).toBe(true);
    expect(recorder.outcomes.map((o) => `${o.rule} ${o.status}`)).toEqual(['demo.must fail', 'demo.should fail', 'demo.must pass']);
    expect(recorder.outcomes[0]!.message).toContain('Received: 500');
    expect(recorder.unexcusedFailures().map((o) => o.rule), 'the test fails at its end for the broken MUST only').toEqual(['demo.must']);
  });

  test('need returns the value when its check holds, and otherwise stops the test naming the rule', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    expect(await recorder.need('demo.must', () => 'id-1')).toBe('id-1');
    const stop = recorder.need('demo.must', () => {
      expect(undefined, 'id of the created session').toEqual(expect.any(String));
      return 'never';
    });
    await expect(stop).rejects.toBeInstanceOf(Blocked);
    await expect(stop).rejects.toThrow(/^blocked by demo\.must: id of the created session/);
    expect(recorder.blockedBy).toMatchObject({ rule: 'demo.must' });
    expect(recorder.outcomes.map((o) => o.status)).toEqual(['pass', 'fail']);
  });

  test('a blocked test is ended as the fixture says, told whether the blocking failure is excused', async () => {
    const told: boolean[] = [];
    const recorder = new RuleRecorder(catalogue, none, (b, excused) => {
      told.push(excused);
      throw b;
    });
    await expect(recorder.need('demo.should', () => expect(1).toBe(2))).rejects.toBeInstanceOf(Blocked);
    await expect(recorder.need('demo.must', () => expect(1).toBe(2))).rejects.toBeInstanceOf(Blocked);
    expect(told).toEqual([true, false]);
  });

  test('anything thrown that is not an assertion is an error that ends the test', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    const err = recorder.check('demo.must', () => {
      throw new TypeError('socket hang up');
    });
    await expect(err).rejects.toBeInstanceOf(HarnessError);
    expect(recorder.outcomes).toEqual([{ rule: 'demo.must', status: 'error', message: 'socket hang up' }]);
  });

  test('a check naming an unknown rule fails loudly', async () => {
    const recorder = new RuleRecorder(catalogue, none);
    await expect(recorder.check('demo.nope', () => undefined)).rejects.toThrow('unknown rule "demo.nope"');
  });
});
