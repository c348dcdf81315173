/** Regenerates every file derived from the provider declarations (see scripts/docs/generate.ts):  npm run docs */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProviders, REPO_ROOT } from '../harness/provider/discover';
import { generatedFiles } from './docs/generate';

for (const { path, content } of generatedFiles(discoverProviders())) {
  const file = join(REPO_ROOT, path);
  if (readFileSync(file, 'utf8') === content) continue;
  writeFileSync(file, content);
  console.log(`wrote ${path}`);
}
