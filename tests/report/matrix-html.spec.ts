import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldMatrix } from '../../harness/reporting/matrix/model';
import { matrixCatalogues } from '../../scripts/matrix/sources';
import { writeMatrix } from '../../scripts/matrix/write';
import { missingTarget, ranTarget, rulesJsonText } from '../support/matrix-fixtures';

/**
 * The implementation matrix must read well to a person: a matrix of synthetic runs (two Jupyter
 * implementations that disagree, one not installed, an Etherpad one that could not be checked) is written as
 * `npm run matrix` writes it and opened in headless Chromium (Debian's `chromium`).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const catalogues = matrixCatalogues();
/** Counts of the real Jupyter catalogue, so the page's numbers follow its rules. */
const jupyterRules = catalogues.jupyter!.rules;
const ofLevel = (level: string) => jupyterRules.filter((r) => r.level === level).length;

let browser: Browser;
let page: Page;
let dir: string;

test.beforeAll(async () => {
  test.skip(!existsSync(CHROMIUM) && !process.env.CI, `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);
  const jupyter = { provider: 'jupyter', catalogue: catalogues.jupyter };
  const model = foldMatrix({
    date: new Date('2026-01-02T03:04:05Z'),
    harnessVersion: '0.1.0',
    wallMs: 95_000,
    requireReal: false,
    catalogues,
    targets: [
      ranTarget('alpha-server-2.1.0', rulesJsonText({
        ...jupyter, targetVersion: '2.1.0', baseline: 'alpha-server-2.1.0',
        rules: { 'jupyter.unnamed-session-schema': { status: 'known-deviation', reason: 'An unnamed session is answered with "name": null (observed: POST /api/sessions → 201: /name: must be string)' } },
      }), { provider: 'jupyter', name: 'alpha-server', pinnedVersion: '2.1.0', wallMs: 14_200 }),
      ranTarget('beta-server-0.9.0', rulesJsonText({
        ...jupyter, targetVersion: '0.9.1',
        rules: {
          'jupyter.patch-renames': {
            status: 'fail',
            reason: 'PATCH /api/sessions/{id} → 200: the answer keeps the old name "a"',
            transcript: '#1 PATCH http://127.0.0.1:8888/api/sessions/5f1c (updateSession)\n> authorization: «redacted»\n> {"name":"b"}\n< 200 (4 ms)\n< {"id":"5f1c","name":"a"}',
          },
          'jupyter.create-same-name-returns-existing': { status: 'warn', reason: 'a create with an existing name made a second session' },
        },
      }), { provider: 'jupyter', name: 'beta-server', pinnedVersion: '0.9.0', exitCode: 1, wallMs: 22_700 }),
      missingTarget('gamma-server-1.0.0', 'gamma-server is not installed (pip install gamma-server==1.0.0)', 'jupyter'),
      ranTarget('delta-pad-3.0.0', rulesJsonText({
        provider: 'etherpad', catalogue: catalogues.etherpad, targetVersion: 'API 1.3.0',
        rules: { 'etherpad.auth-required': { status: 'error', reason: 'no complete answer from http://127.0.0.1:9001 within 10000 ms' } },
      }), { provider: 'etherpad', name: 'Delta Pad', pinnedVersion: '3.0.0', exitCode: 2, wallMs: 31_000 }),
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'sc-matrix-page-'));
  writeMatrix(dir, model);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`file://${join(dir, 'index.html')}`);
});

test.afterAll(async () => {
  await browser?.close();
});

const cellOf = (rule: string, column: string) =>
  page.locator(`tr:has(th[id="rule-${rule}"]) td[data-column="${column}"]`);

test.describe('the implementation matrix in a browser', () => {
  test('leads with the verdict over every implementation', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session API conformance matrix');
    await expect(page.getByRole('status')).toHaveText(
      '2 of 3 implementations not green: beta-server 0.9.1 (does not conform), Delta Pad API 1.3.0 (could not check); 1 not installed here.',
    );
  });

  test('heads each column with the implementation and the version its API reports', async () => {
    const alpha = page.locator('th[id="alpha-server-2.1.0"]');
    await expect(alpha.locator('.impl')).toHaveText('alpha-server');
    await expect(alpha.locator('.ver')).toHaveText('2.1.0');
    await expect(alpha.locator('.state')).toHaveText('green with its baseline');
    const beta = page.locator('th[id="beta-server-0.9.0"]');
    await expect(beta.locator('.ver')).toHaveText('0.9.1 (pinned 0.9.0)');
    await expect(beta.locator('.state')).toHaveText('does not conform');
    await expect(page.locator('th[id="gamma-server-1.0.0"] .state')).toHaveText('not installed');
    await expect(page.locator('th[id="gamma-server-1.0.0"] .ver')).toHaveText('pinned 1.0.0');
    await expect(page.locator('th[id="delta-pad-3.0.0"] .ver')).toHaveText('API 1.3.0 (pinned 3.0.0)');
  });

  test('shows each column\'s counts', async () => {
    const counts = page.locator('th[id="beta-server-0.9.0"] .counts li');
    await expect(counts).toHaveText([`pass ${jupyterRules.length - 2}`, 'FAIL 1', 'warn 1']);
    await expect(page.locator('th[id="alpha-server-2.1.0"] .counts li')).toHaveText([`pass ${jupyterRules.length - 1}`, 'FAIL 0', 'known deviation 1']);
  });

  test('shows a cell\'s status, and its reason and evidence after a click', async () => {
    const cell = cellOf('jupyter.patch-renames', 'beta-server-0.9.0');
    await expect(cell.locator('summary .badge')).toHaveText('FAIL');
    const reason = cell.getByText('the answer keeps the old name "a"');
    await expect(reason).toBeHidden();
    await cell.locator('summary').click();
    await expect(reason).toBeVisible();
    await expect(cell.locator('pre.transcript')).toContainText('PATCH http://127.0.0.1:8888/api/sessions/5f1c');
    await expect(cellOf('jupyter.patch-renames', 'alpha-server-2.1.0').locator('summary .badge')).toHaveText('pass');
    await expect(cellOf('jupyter.patch-renames', 'gamma-server-1.0.0')).toHaveText('–');
  });

  test('says where implementations of one API disagree, and which keep the contract', async () => {
    const row = page.locator('tr:has(th[id="rule-jupyter.patch-renames"])');
    await expect(row.locator('.disagree')).toHaveText('Implementations disagree. Keep the contract: alpha-server 2.1.0. Break it: beta-server 0.9.1.');
    await expect(page.locator('tr:has(th[id="rule-jupyter.get-by-id"]) .disagree')).toHaveCount(0);
    await expect(page.locator('#p-jupyter ~ .note')).toContainText('The implementations disagree on 3 rules');
  });

  test('shows each implementation\'s badge, rendered, with a snippet to embed it', async () => {
    const badge = page.locator('#badge-alpha-server-2\\.1\\.0 img');
    // One MUST rule is a known deviation: kept are all MUST rules but that one, and every SHOULD rule.
    const kept = `${ofLevel('MUST') - 1}/${ofLevel('MUST')} MUST · ${ofLevel('SHOULD')}/${ofLevel('SHOULD')} SHOULD`;
    await expect(badge).toHaveAttribute('alt', `jupyter sessions: ${kept}`);
    expect(await badge.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 100)).toBe(true);
    await expect(page.locator('#badge-alpha-server-2\\.1\\.0 pre.snippet').first()).toHaveText(
      '[![alpha-server conformance](badges/alpha-server-2.1.0.svg)](index.html#alpha-server-2.1.0)',
    );
    expect(readFileSync(join(dir, 'badges', 'alpha-server-2.1.0.svg'), 'utf8')).toContain(kept);
  });

  test('a deep link opens at the implementation\'s column', async ({}, testInfo) => {
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await other.goto(`file://${join(dir, 'index.html')}#delta-pad-3.0.0`);
    await expect(other.locator('th[id="delta-pad-3.0.0"]')).toBeInViewport();
    await other.close();
    await page.screenshot({ path: testInfo.outputPath('matrix.png'), fullPage: true });
  });
});
