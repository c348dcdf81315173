import { expect, test } from '@playwright/test';
import * as fc from 'fast-check';
import type { RunSettings } from '../../harness/config/run';
import { Cleanup } from '../../harness/fixtures/cleanup';
import { Redactor } from '../../harness/http/redact';
import { Transcript } from '../../harness/http/transcript';
import { checkProperty, type PropertyRun } from '../../harness/property/run-property';
import { NO_BASELINE } from '../../harness/rules/baseline';
import { RuleCatalogue } from '../../harness/rules/catalogue';
import { Blocked, HarnessError, RuleRecorder } from '../../harness/rules/recorder';

const catalogue = new RuleCatalogue('demo', [
  { id: 'demo.model', level: 'MUST', title: 't', source: 's', reference: 'r', basis: 'stated' },
  { id: 'demo.schema', level: 'MUST', title: 't', source: 's', reference: 'r', basis: 'stated' },
]);

function context(numRuns = 50): PropertyRun & { rules: RuleRecorder; cleanup: Cleanup } {
  const run = { fcNumRuns: numRuns, requestTimeoutMs: 1000 } as RunSettings;
  return { rule: 'demo.model', rules: new RuleRecorder(catalogue, NO_BASELINE), cleanup: Cleanup.forTest(), transcript: new Transcript(new Redactor([])), run, defaultNumRuns: numRuns };
}

const statuses = (r: RuleRecorder) => r.outcomes.map((o) => `${o.rule} ${o.status}`);

test.describe('properties', () => {
  test('a property that holds records one pass for its rule and one for each other rule it checked', async () => {
    const ctx = context();
    const result = await checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.nat(), iterate(async (_scope, n) => {
        await ctx.rules.check('demo.schema', () => expect(n).toBeGreaterThanOrEqual(0));
        await ctx.rules.check('demo.model', () => expect(n + 1).toBeGreaterThan(n));
      })));
    expect(result.status).toBe('pass');
    expect(statuses(ctx.rules)).toEqual(['demo.schema pass', 'demo.model pass']);
  });

  test('a counterexample is shrunk, replayed once and recorded as one failure with the command that reproduces it', async () => {
    const ctx = context(200);
    const result = await checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), iterate(async (_scope, n) => {
        await ctx.rules.check('demo.model', () => expect(n, 'n').toBeLessThan(100));
      })));
    expect(result.status).toBe('fail');
    expect(statuses(ctx.rules)).toEqual(['demo.model fail']);
    const message = ctx.rules.outcomes[0]!.message!;
    expect(message, 'the shrunk case').toContain('counterexample [100]');
    expect(message).toMatch(/reproduce: FC_SEED=-?\d+ FC_PATH=\S+ npx playwright test/);
    expect(ctx.rules.unexcusedFailures()).toHaveLength(1);
  });

  test('another rule that fails is recorded once and the runs go on', async () => {
    const ctx = context(30);
    const result = await checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.nat(), iterate(async () => {
        await ctx.rules.check('demo.schema', () => expect('text/plain', 'content type').toBe('application/json'));
        await ctx.rules.check('demo.model', () => undefined);
      })));
    expect(result).toMatchObject({ status: 'pass', numRuns: 30 });
    expect(statuses(ctx.rules)).toEqual(['demo.schema fail', 'demo.model pass']);
  });

  test('harness trouble ends the property at once: no shrinking, no further iteration, recorded as an error', async () => {
    const ctx = context(100);
    let iterations = 0;
    const run = checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.nat(), iterate(async (_scope, n) => {
        iterations += 1;
        if (n >= 0) throw new HarnessError('GET /x: no answer from the target (ECONNRESET)');
      })));
    await expect(run).rejects.toBeInstanceOf(HarnessError);
    expect(iterations, 'the first iteration was the last that sent anything').toBe(1);
    expect(ctx.rules.outcomes).toEqual([{ rule: 'demo.model', status: 'error', message: 'the property could not be checked: GET /x: no answer from the target (ECONNRESET)' }]);
  });

  test('a needed check of another rule that fails ends the property, blocked by that rule', async () => {
    const ctx = context(100);
    let iterations = 0;
    const run = checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.nat(), iterate(async () => {
        iterations += 1;
        await ctx.rules.need('demo.schema', () => expect(undefined, 'id of the created session').toEqual(expect.any(String)));
      })));
    await expect(run).rejects.toBeInstanceOf(Blocked);
    expect(iterations).toBe(1);
    expect(ctx.rules.blockedBy).toMatchObject({ rule: 'demo.schema' });
    expect(statuses(ctx.rules), 'the property rule itself got no verdict: it is blocked').toEqual(['demo.schema fail']);
  });

  test('every iteration undoes what it made before the next starts, and its cleanup problems reach the test', async () => {
    const ctx = context(5);
    let open = 0;
    let most = 0;
    await checkProperty(ctx, (_, iterate) =>
      fc.asyncProperty(fc.nat(), iterate(async (scope) => {
        open += 1;
        most = Math.max(most, open);
        scope.add('demo thing', async () => {
          open -= 1;
          throw new Error('DELETE answered 500');
        });
        await ctx.rules.check('demo.model', () => undefined);
      })));
    expect(most).toBe(1);
    expect(open).toBe(0);
    expect(ctx.cleanup.allProblems).toEqual(Array(5).fill('demo thing: DELETE answered 500'));
  });
});
