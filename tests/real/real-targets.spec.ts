import { chromium, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { realTargets } from '../../targets/registry';
import { readMatrixJson, runMatrixOnce, type MatrixRun } from '../support/run-matrix';

/**
 * Real first, and once: `npm run matrix` starts every installed real target in turn and runs its provider's
 * suite against it with the target's baseline (the one real run of `npm test`). Each target's test then reads
 * its column: the run is green, and lists every baselined deviation as such, no more and no fewer (a baseline
 * entry that no longer fails would turn the column red as stale).
 * CONFORMANCE_REQUIRE_REAL=1 (CI) turns a missing server program into a failure instead of a skip.
 */
const REQUIRE_REAL = process.env.CONFORMANCE_REQUIRE_REAL === '1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MATRIX_TIMEOUT_MS = 20 * 60_000;

let run: MatrixRun;

test.beforeAll(async () => {
  test.setTimeout(MATRIX_TIMEOUT_MS + 2 * 60_000);
  run = await runMatrixOnce(MATRIX_TIMEOUT_MS);
  console.log(`npm run matrix: exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(1)} s`);
});

for (const launcher of realTargets) {
  const { provider } = launcher;
  test(`${launcher.id}: the ${provider} suite passes against the real ${launcher.name} ${launcher.version} with its baseline, listing the deviations`, () => {
    const column = readMatrixJson(run).targets.find((c) => c.id === launcher.id);
    expect(column, `matrix.json has a column ${launcher.id}`).toBeDefined();
    const missing = launcher.missing();
    if (missing !== null) {
      expect(column).toMatchObject({ state: 'not-installed', verdict: `Not installed: ${missing}` });
      test.skip(!REQUIRE_REAL, missing);
    }
    expect(missing, 'the real server program must be installed (CONFORMANCE_REQUIRE_REAL=1)').toBeNull();

    const output = readOutput(run, launcher.id);
    expect(column!.exitCode, `${column!.verdict}\n${output.slice(-3000)}`).toBe(0);
    expect(column!.state, column!.verdict).toBe('conforms');
    expect(column!.green).toBe(true);
    expect(column!.baseline).toBe(launcher.baseline);
    expect(column!.pinnedVersion).toBe(launcher.version);

    const baseline = parse(readFileSync(resolve(__dirname, `../../contracts/${provider}/baselines/${launcher.baseline}.yaml`), 'utf8')) as { deviations: { rule: string }[] };
    const expected = baseline.deviations.map((d) => d.rule).sort();
    expect([...column!.knownDeviations].sort(), 'every baselined rule is reported as a known deviation').toEqual(expected);
    expect(column!.rules.filter((r) => r.status === 'known-deviation').map((r) => r.id).sort()).toEqual(expected);
    // Each kernel is a process of ~70 MiB: after the run, and after the stop, the count is back where it was.
    if (column!.kernels) {
      expect(column!.kernels.afterRun, 'kernel processes after the run (its sessions deleted)').toBe(column!.kernels.beforeRun);
      expect(column!.kernels.afterStop, 'kernel processes after stop()').toBe(0);
    }
    console.log(`${launcher.id} [API: ${column!.apiVersion ?? 'no version'}]: ${column!.verdict} (${((column!.wallMs ?? 0) / 1000).toFixed(1)} s)`);
  });
}

test('the matrix exits 0 exactly when every column is green with its baseline, and its page shows every column', async () => {
  const json = readMatrixJson(run);
  expect(json.targets.map((c) => c.id)).toEqual(realTargets.map((t) => t.id));
  const allGreen = json.targets.every((c) => c.green || (c.state === 'not-installed' && !REQUIRE_REAL));
  expect(run.exitCode, run.output.slice(-3000)).toBe(allGreen ? 0 : json.exitCode);
  expect(json.exitCode === 0).toBe(allGreen);

  test.skip(!existsSync(CHROMIUM) && !process.env.CI, `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(run.matrixDir, 'index.html')}`);
    for (const c of json.targets) {
      const head = page.locator(`th[id="${c.id}"]`);
      await expect(head.locator('.impl')).toHaveText(c.name);
      if (c.apiVersion) await expect(head.locator('.api-version')).toHaveText(c.apiVersion);
      await expect(head.locator('.state')).toHaveText(c.green ? 'green with its baseline' : /./);
      expect(await page.locator(`#badge-${c.id.replace(/\./g, '\\.')} img`).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
      expect(existsSync(join(run.matrixDir, 'badges', `${c.id}.svg`))).toBe(true);
    }
  } finally {
    await browser.close();
  }
});

function readOutput(r: MatrixRun, id: string): string {
  const file = join(r.matrixDir, 'runs', id, 'output.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : r.output;
}
