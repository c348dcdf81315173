import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { realTargets } from '../../targets/registry';
import type { RunningTarget } from '../../targets/types';
import { runSuite } from '../support/run-suite';

/**
 * Real first: each provider suite runs against the real server we can start here, with that server's
 * baseline. The run must be green, and its report must list every baselined deviation as such (a baseline
 * entry that no longer fails would turn the run red as stale).
 * CONFORMANCE_REQUIRE_REAL=1 (CI) turns a missing server program into a failure instead of a skip.
 */
for (const launcher of realTargets) {
  const { provider } = launcher;
  test(`${launcher.id}: the ${provider} suite passes against the real ${launcher.name} ${launcher.version} with its baseline, listing the deviations`, async () => {
    const missing = launcher.missing();
    test.skip(missing !== null && process.env.CONFORMANCE_REQUIRE_REAL !== '1', missing ?? '');
    expect(missing, 'the real server program must be installed (CONFORMANCE_REQUIRE_REAL=1)').toBeNull();

    let target: RunningTarget | undefined;
    try {
      target = await launcher.start(mkdtempSync(join(tmpdir(), `sc-real-${provider}-`)));
      const kernelsBefore = target.kernelProcesses?.();
      // One worker: a real server's list holds every test's sessions, and Jupyter lists an unnamed one (a
      // baselined deviation) with "name": null, which would fail another test's list answer at random.
      const run = await runSuite([`--project=${provider}`], { ...target.env, [`${provider.toUpperCase()}_BASELINE`]: launcher.baseline, CONFORMANCE_WORKERS: '1' });
      if (kernelsBefore !== undefined) {
        // The run deletes every session it made, and a deleted session's kernel is shut down (asynchronously).
        await expect.poll(() => target!.kernelProcesses!(), { message: 'kernel processes after the run', timeout: 15_000 }).toBe(kernelsBefore);
      }
      const report = run.report(provider);
      expect(run.exitCode, `${report.summary}\n${run.output.slice(-3000)}`).toBe(0);
      expect(report.verdict.ok, report.summary).toBe(true);

      const baselineName = launcher.baseline;
      const baseline = parse(readFileSync(resolve(__dirname, `../../contracts/${provider}/baselines/${baselineName}.yaml`), 'utf8')) as { deviations: { rule: string }[] };
      const listed = report.rules.filter((r) => r.status === 'known-deviation').map((r) => r.id).sort();
      expect(listed, 'every baselined rule is reported as a known deviation').toEqual(baseline.deviations.map((d) => d.rule).sort());
      console.log(`${report.summary} (${(run.durationMs / 1000).toFixed(1)} s)`);
    } finally {
      await target?.stop();
    }
    if (target?.kernelProcesses) expect(target.kernelProcesses(), 'kernel processes after stop()').toBe(0);
  });
}
