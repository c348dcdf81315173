import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockServer } from '../../mocks/core/mock-server';
import { jupyterMock } from '../../mocks/jupyter/jupyter-mock';
import { freePort } from '../../harness/net/free-port';
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
    const summary = JSON.parse(readFileSync(join(run.reportDir, 'summary.json'), 'utf8')) as { exitCode: number };
    expect(summary.exitCode, 'CI reading summary.json sees this run, not an earlier one').toBe(2);
  });

  test('a target that does not answer stops the suite with one message, as an error (status 2), never a failure', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: url, JUPYTER_TOKEN: 'x-token-x' });
    const report = run.report('jupyter');
    expect(run.exitCode).toBe(2);
    expect(report.verdict.counts.fail).toBe(0);
    expect(report.verdict.counts.error).toBe(report.rules.length);
    expect(run.output).toContain(`no rule could be checked: Preflight failed: JUPYTER_BASE_URL=${url} does not answer`);
    // Checked once, in the global setup: the suite's tests are skipped for that reason, none fails on its own.
    expect(run.output).toMatch(/\d+ skipped/);
    expect(run.output).not.toMatch(/\d+ failed/);
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

/** The verdict must not depend on the reporters named on the command line. */
test.describe('whatever reporters run', () => {
  const FAULT = 'jupyter~patch-not-persisted';
  const summaryOf = (output: string) => /^\s*(jupyter~patch-not-persisted: .*)$/m.exec(output)?.[1];
  const statuses = (run: Awaited<ReturnType<typeof runSuite>>) => Object.fromEntries(run.report(FAULT).rules.map((r) => [r.id, r.status]));

  for (const reporter of ['dot', 'line', 'list', 'null', 'blob']) {
    test(`--reporter=${reporter} gives the rule summary, the exit status and the reports of a default run`, async () => {
      const [plain, picked] = await Promise.all([
        runSuite([`--project=${FAULT}`], { CONFORMANCE_SELF_PROOF: '1' }),
        runSuite([`--project=${FAULT}`, `--reporter=${reporter}`], { CONFORMANCE_SELF_PROOF: '1', PLAYWRIGHT_BLOB_OUTPUT_DIR: join(tmpdir(), `sc-blob-${process.pid}`) }),
      ]);
      expect(summaryOf(plain.output) ?? `no summary line; the output ends:\n${plain.output.slice(-2000)}`).toMatch(/1 fail/);
      expect(summaryOf(picked.output), picked.output.slice(-2000)).toBe(summaryOf(plain.output));
      expect(picked.exitCode).toBe(1);
      expect(picked.exitCode).toBe(plain.exitCode);
      expect(statuses(picked)).toEqual(statuses(plain));
      for (const file of ['conformance.html', 'rules.junit.xml']) expect(existsSync(join(picked.reportDir, FAULT, file)), file).toBe(true);
    });
  }

  test('with --reporter=dot, a stale baseline still fails the run', async () => {
    const run = await runSuite(['--project=jupyter', '--reporter=dot'], { JUPYTER_BASELINE: 'jupyter-server-1.23.3' });
    expect(run.exitCode, run.output.slice(-2000)).toBe(1);
    expect(run.report('jupyter').verdict.staleBaselines).toHaveLength(2);
  });

  test('a report never outlives its run unnoticed: the run\'s projects start afresh, older ones are named as older', async () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'sc-stale-'));
    for (const project of [FAULT, 'etherpad']) {
      mkdirSync(join(reportDir, project), { recursive: true });
      writeFileSync(join(reportDir, project, 'rules.json'), JSON.stringify({ date: '2020-01-01T00:00:00.000Z', summary: 'old' }));
      writeFileSync(join(reportDir, project, 'leftover.txt'), 'from an earlier run');
    }
    writeFileSync(join(reportDir, 'summary.json'), JSON.stringify({ exitCode: 0 }));
    const run = await runSuite([`--project=${FAULT}`, '--reporter=dot'], { CONFORMANCE_SELF_PROOF: '1', CONFORMANCE_REPORT_DIR: reportDir });
    expect(existsSync(join(reportDir, FAULT, 'leftover.txt')), 'the run\'s own project folder was cleared').toBe(false);
    expect(run.report(FAULT).date, 'the report is this run\'s').not.toBe('2020-01-01T00:00:00.000Z');
    const summary = JSON.parse(readFileSync(join(reportDir, 'summary.json'), 'utf8')) as { exitCode: number; olderReports?: { project: string }[] };
    expect(summary.exitCode).toBe(1);
    expect(summary.olderReports).toEqual([{ project: 'etherpad', date: '2020-01-01T00:00:00.000Z' }]);
    expect(run.output).toContain('older reports, not from this run: etherpad (2020-01-01T00:00:00.000Z)');
  });
});
