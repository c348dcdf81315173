import { expect, test } from '@playwright/test';
import { freePort } from '../../targets/free-port';
import { runSuite } from '../support/run-suite';

/** Exit statuses tell "the target broke its contract" (1) from "we could not check it" (2). */
test.describe('exit status', () => {
  test('a wrong setting stops the run at the start with one message and status 2', async () => {
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: '127.0.0.1:8888', FC_NUM_RUNS: 'many' });
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('the configuration is wrong, nothing was run');
    expect(run.output).toContain('JUPYTER_BASE_URL="127.0.0.1:8888" is not a URL');
    expect(run.output).toContain('FC_NUM_RUNS="many" must be an integer');
    expect(run.output).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('a target that does not answer is an error, never a failure of the target, with status 2', async () => {
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: `http://127.0.0.1:${await freePort()}`, JUPYTER_TOKEN: 'x-token-x' });
    const report = run.report('jupyter');
    expect(run.exitCode).toBe(2);
    expect(report.verdict.counts.fail).toBe(0);
    expect(report.verdict.counts.error).toBeGreaterThan(0);
    expect(report.rules.find((r) => r.status === 'error')?.reason).toContain('no answer from the target');
  });

  test('a broken MUST rule exits 1', async () => {
    const run = await runSuite(['--project=jupyter~patch-not-persisted'], { CONFORMANCE_SELF_PROOF: '1' });
    expect(run.report('jupyter~patch-not-persisted').verdict.counts.fail).toBe(1);
    expect(run.exitCode).toBe(1);
  });
});
