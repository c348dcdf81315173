import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../../harness/provider/define';
import type { SuiteRun } from './run-suite';
import { embeddedZips, unzipEntries } from './unzip';

/**
 * The secrets self-proof's pieces, derived from the providers' declarations: distinctive values for every declared
 * secret, faults that make every provider write failure evidence, and a search of everything a run wrote.
 */

/** A distinctive value for every declared secret of the providers, in the shape the variable takes. */
export function secretSamples(providers: readonly Provider[]): Record<string, string> {
  return Object.fromEntries(
    providers.flatMap((p) =>
      p.variables.filter((v) => v.secret).map((v, i) => [v.env, v.sample!(`${p.name}-Secret${i}-${v.env.length}Qz${p.name.length}Wx`)]),
    ),
  );
}

/** One MUST-breaking fault per provider (`<provider>.<fault>`), so every provider writes failure evidence. */
export function mustBreakingFaults(providers: readonly Provider[]): string[] {
  return providers.flatMap((p) => {
    const fault = p.mock?.faults.list.find((f) => p.contract.catalogue.get(f.rule).level === 'MUST');
    return fault ? [`${p.name}.${fault.name}`] : [];
  });
}

/** A secret in the usual encodings a report might hold it in. */
function encodings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), JSON.stringify(secret).slice(1, -1)];
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Where a secret shows up in what the run wrote (conformance reports, rules.json, JUnit, Playwright's HTML report
 * and the zips inside it, Allure results, attachments, logs) or in its console output, one line each.
 */
export function secretLeaks(run: SuiteRun, secrets: Readonly<Record<string, string>>): string[] {
  const leaks: string[] = [];
  const search = (where: string, text: string) => {
    for (const [name, secret] of Object.entries(secrets)) {
      if (encodings(secret).some((e) => text.includes(e))) leaks.push(`${name} in ${where}`);
    }
  };
  for (const file of filesUnder(run.reportDir)) {
    const content = readFileSync(file);
    search(file, content.toString('latin1'));
    // Playwright's HTML report keeps its data in zips embedded in index.html: look inside them too.
    if (file.endsWith('.html')) {
      for (const zip of embeddedZips(content.toString('latin1'))) for (const [entry, data] of unzipEntries(zip)) search(`${file} › ${entry}`, data.toString('latin1'));
    }
  }
  search('the console output', run.output);
  return leaks;
}
