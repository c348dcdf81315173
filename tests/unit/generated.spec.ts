import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProviders, REPO_ROOT } from '../../harness/provider/discover';
import { generatedFiles } from '../../scripts/docs/generate';

test('every generated file is in step with the declarations (npm run docs)', () => {
  for (const { path, content } of generatedFiles(discoverProviders())) {
    expect(readFileSync(join(REPO_ROOT, path), 'utf8'), `${path} is out of step: run \`npm run docs\``).toBe(content);
  }
});
