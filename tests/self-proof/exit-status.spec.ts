import { expect, test } from '@playwright/test';
import { MockServer } from '../../mocks/core/mock-server';
import { jupyterMock } from '../../mocks/jupyter/jupyter-mock';
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

  test('a target that does not answer stops the suite with one message, as an error (status 2), never a failure', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: url, JUPYTER_TOKEN: 'x-token-x' });
    const report = run.report('jupyter');
    expect(run.exitCode).toBe(2);
    expect(report.verdict.counts.fail).toBe(0);
    expect(report.verdict.counts.error).toBe(report.rules.length);
    expect(run.output).toContain(`no rule could be checked: Preflight failed: JUPYTER_BASE_URL=${url} does not answer`);
    expect(run.output).toMatch(/1 failed[\s\S]*did not run/);
  });

  test('credentials the target refuses stop the suite with one message naming the variable', async () => {
    const mock = new MockServer(jupyterMock({ token: 'the-right-token' }), '') as MockServer<unknown>;
    const url = `http://127.0.0.1:${await mock.listen(await freePort())}`;
    try {
      const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: url, JUPYTER_TOKEN: 'a-wrong-token' });
      expect(run.exitCode).toBe(2);
      expect(run.output).toContain('Preflight failed: the server refuses JUPYTER_TOKEN (GET /api/sessions answered 403)');
      expect(run.output).not.toContain('a-wrong-token');
    } finally {
      await mock.close();
    }
  });

  test('a broken MUST rule exits 1', async () => {
    const run = await runSuite(['--project=jupyter~patch-not-persisted'], { CONFORMANCE_SELF_PROOF: '1' });
    expect(run.report('jupyter~patch-not-persisted').verdict.counts.fail).toBe(1);
    expect(run.exitCode).toBe(1);
  });
});
