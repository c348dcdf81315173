import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProviders } from '../../harness/provider/discover';
import { runSuite } from '../support/run-suite';
import { embeddedZips, unzipEntries } from '../support/unzip';

/**
 * With distinctive secret values configured, and faults switched on so that rules fail and transcripts are
 * attached, no file the run writes (conformance reports, rules.json, JUnit, Playwright's HTML report, Allure
 * results, attachments, logs) holds a secret in any of its usual encodings, nor does the console output.
 */
const providers = discoverProviders();

/** A distinctive value for every declared secret of every provider, in the shape the variable takes. */
const SECRETS: Record<string, string> = Object.fromEntries(
  providers.flatMap((p) =>
    p.variables.filter((v) => v.secret).map((v, i) => [v.env, v.sample!(`${p.name}-Secret${i}-${v.env.length}Qz${p.name.length}Wx`)]),
  ),
);

/** One MUST-breaking fault per provider, so every provider writes failure evidence. */
const FAULTS = providers.flatMap((p) => {
  const fault = p.mock?.faults.list.find((f) => p.contract.catalogue.get(f.rule).level === 'MUST');
  return fault ? [`${p.name}.${fault.name}`] : [];
});

function encodings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no secret reaches a report, an attachment or the console, for every provider, in a run with failures', async () => {
  test.setTimeout(10 * 60_000);
  const run = await runSuite([], { ...SECRETS, MOCK_FAULTS: FAULTS.join(',') });
  // The faults broke rules, so there is failure evidence to search.
  expect(run.exitCode, run.output.slice(-2000)).toBe(1);
  for (const provider of providers.map((p) => p.name)) {
    expect(run.report(provider).verdict.counts.fail, provider).toBeGreaterThan(0);
  }
  const files = filesUnder(run.reportDir);
  expect(files.some((f) => f.includes('allure-results')), 'Allure results were written').toBe(true);
  expect(files.some((f) => f.includes('allure-results') && f.endsWith('.txt')), 'transcripts were attached').toBe(true);
  expect(files.some((f) => f.endsWith('playwright-html/index.html')), "Playwright's HTML report was written").toBe(true);
  const leaks: string[] = [];
  const search = (where: string, content: Buffer) => {
    const text = content.toString('latin1');
    for (const [name, secret] of Object.entries(SECRETS)) {
      if (encodings(secret).some((e) => text.includes(e))) leaks.push(`${name} in ${where}`);
    }
  };
  for (const file of files) {
    const content = readFileSync(file);
    search(file, content);
    // Playwright's HTML report keeps its data in zips embedded in index.html: look inside them too.
    if (file.endsWith('.html')) {
      for (const zip of embeddedZips(content.toString('latin1'))) for (const [entry, data] of unzipEntries(zip)) search(`${file} › ${entry}`, data);
    }
  }
  for (const [name, secret] of Object.entries(SECRETS)) if (encodings(secret).some((e) => run.output.includes(e))) leaks.push(`${name} in the console output`);
  expect(leaks).toEqual([]);
});
