import { expect, test } from '@playwright/test';
import type { HostileMode } from '../support/hostile-server';
import { hostileModeTests, reasons } from './hostile-expectations';
import { describeRun, hostileRunsOnce, reportOf, type HostileRun } from './hostile-run';

/**
 * Targets that answer at once, but wrongly: a body that is not JSON, JSON cut short, JSON sent as HTML, and
 * server errors. All four child runs go side by side; the tests below read what each produced.
 */
const MODES: readonly HostileMode[] = ['non-json', 'truncated-json', 'wrong-content-type', 'random-5xx'];
let runs: Map<HostileMode, HostileRun>;

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000); // beyond the child runs' own bounds (hostile-run.ts)
  runs = await hostileRunsOnce('answers', MODES);
  for (const run of runs.values()) console.log(`  hostile ${describeRun(run)}`);
});

const runOf = (mode: HostileMode) => () => runs.get(mode)!;
for (const mode of MODES) hostileModeTests(mode, runOf(mode));

test.describe('hostile target "random-5xx"', () => {
  test('a 5xx is never taken for success: the rules it reaches fail, and the status check warns', () => {
    const run = runOf('random-5xx')();
    const report = reportOf(run);
    expect(run.server.statuses.filter((s) => s >= 500).length, 'server errors sent').toBeGreaterThan(0);
    const documented = report.rules.find((r) => r.id === 'jupyter.status-documented')!;
    expect(documented.status, reasons(report)).toBe('warn');
    expect(documented.reason).toMatch(/status 50[0234] is not documented/);
    expect(report.rules.find((r) => r.id === 'jupyter.create-returns-201')!.status, reasons(report)).toBe('fail');
  });
});
