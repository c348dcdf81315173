import { expect, test } from '@playwright/test';
import { runSuite } from '../support/run-suite';

// Cleanup on a target that holds other data (green, failing and interrupted runs, every provider) is proven in
// production-safety.spec.ts.

test.describe('baselines cannot go stale', () => {
  test('a baseline listing rules the target keeps turns the run red, naming them', async () => {
    // The mock keeps both rules jupyter-server 1.23.3 breaks, so that baseline is stale against it.
    const run = await runSuite(['--project=jupyter'], { JUPYTER_BASELINE: 'jupyter-server-1.23.3' });
    const report = run.report('jupyter');
    expect(run.exitCode).not.toBe(0);
    expect([...report.verdict.staleBaselines].sort()).toEqual(['jupyter.create-same-name-returns-existing', 'jupyter.unnamed-session-schema']);
  });
});
