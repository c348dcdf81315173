import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../harness/provider/discover';
import type { Provider } from '../../harness/provider/define';
import { renderRulesDoc } from '../../harness/reporting/rules-doc';
import { renderTargetsTable, replaceBetweenMarkers } from '../../harness/reporting/matrix/targets-table';
import { realTargets } from '../../targets/registry';
import { targetTableRow } from '../matrix/sources';
import { renderEnvExample } from './env-example';
import { renderNightly } from './nightly';
import { renderConfigurationTable } from './readme-config';

/** A file `npm run docs` writes, with the content the declarations give it now. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

/** Every generated file (or generated part of a file), from the provider declarations, catalogues and targets. */
export function generatedFiles(providers: readonly Provider[]): GeneratedFile[] {
  const readme = renderConfigurationTable(providers, replaceBetweenMarkers(read('README.md'), renderTargetsTable(realTargets.map(targetTableRow))));
  return [
    { path: 'docs/rules.md', content: renderRulesDoc(providers.map((p) => p.contract), (name) => providers.find((p) => p.name === name)?.mock?.faults.list ?? []) },
    { path: 'README.md', content: readme },
    { path: '.env.example', content: renderEnvExample(providers, read('.env.example')) },
    { path: '.github/workflows/nightly.yml', content: renderNightly(providers, read('.github/workflows/nightly.yml')) },
  ];
}
