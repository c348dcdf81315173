import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { jupyterContract } from '../../contracts/jupyter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MockServer } from '../../mocks/core/mock-server';
import { jupyterMock } from '../../mocks/jupyter/jupyter-mock';
import { freePort } from '../../harness/net/free-port';
import { runSuite } from '../support/run-suite';

/**
 * The conformance report must read well to a person: render it in headless Chromium (Debian's `chromium`)
 * and assert on what a person sees, for a run against a target that breaks a rule and a property.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOKEN = 'report-test-secret-7Qx9';

let browser: Browser;
let page: Page;
let mock: MockServer<unknown>;

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  test.skip(!existsSync(CHROMIUM) && !process.env.CI, `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);
  mock = new MockServer(jupyterMock({ token: TOKEN }), '') as MockServer<unknown>;
  const base = `http://127.0.0.1:${await mock.listen(await freePort())}/__fault/patch-not-persisted,create-reuses-renamed-path`;
  // The mock is addressed like a live target, so fast-check would do the few runs of a live target: ask for more.
  const run = await runSuite(['--project=jupyter'], { JUPYTER_BASE_URL: base, JUPYTER_TOKEN: TOKEN, JUPYTER_BASELINE: '', FC_NUM_RUNS: '200' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.goto(`file://${join(run.reportDir, 'jupyter', 'conformance.html')}`);
});

test.afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

test.describe('the conformance report in a browser', () => {
  test('leads with the verdict and the target', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jupyter server sessions API: conformance report');
    await expect(page.getByRole('status')).toContainText('Does not conform: 2 MUST rules broken');
    await expect(page.getByRole('row', { name: /JUPYTER_BASE_URL/ })).toContainText('/__fault/patch-not-persisted');
    await expect(page.getByRole('row', { name: /Target version/ })).toContainText('session-conformance-mock');
    await expect(page.getByRole('row', { name: /Harness/ })).toContainText('session-conformance 0.');
  });

  test('lists every rule with its level, status and source sentence', async () => {
    const row = page.locator('#rule-jupyter\\.patch-renames');
    await expect(row).toContainText('MUST');
    await expect(row.locator('.badge')).toHaveText('FAIL');
    await expect(row.locator('blockquote')).toHaveText('PATCH /api/sessions/{session} | This can be used to rename the session.');
    await expect(page.locator('#rule-jupyter\\.get-by-id .badge')).toHaveText('pass');
    await expect(page.locator('table.rules tbody tr')).toHaveCount(jupyterContract.catalogue.all().length);
  });

  test('shows the requests of a failure, with the secret replaced', async () => {
    const finding = page.locator('#finding-jupyter\\.patch-renames');
    await expect(finding.getByText('Requests and answers')).toBeVisible();
    const transcript = finding.locator('pre.transcript');
    await expect(transcript).toBeVisible();
    await expect(transcript).toContainText('PATCH http://127.0.0.1');
    await expect(transcript).toContainText('authorization: «redacted»');
    expect(await page.content()).not.toContain(TOKEN);
  });

  test('shows a property failure with its seed, shrunk counterexample and the command to reproduce it', async () => {
    const ce = page.locator('#finding-jupyter\\.model-store pre.counterexample');
    await expect(ce).toBeVisible();
    await expect(ce).toContainText(/seed: -?\d+/);
    await expect(ce).toContainText(/counterexample: \[\d sessions opened first,(POST|PATCH|GET|DELETE) \/api\/sessions/);
    await expect(ce).toContainText(/reproduce: FC_SEED=-?\d+ FC_PATH=[\d:]+ FC_REPLAY_PATH=\S+ npx playwright test --project=jupyter -g/);
  });

  test('has a coverage table of operations and documented statuses', async () => {
    const row = page.getByRole('row', { name: /updateSession/ });
    await expect(row).toContainText('PATCH /api/sessions/{session}');
    await expect(row.locator('.cov.seen', { hasText: '200' })).toBeVisible();
    await expect(row.locator('.cov.seen', { hasText: '400' })).toBeVisible();
  });
});
