/** Writes docs/rules.md from the rule catalogues and mock faults:  npm run rules:doc */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderRulesDoc } from '../harness/reporting/rules-doc';
import { mockFaults } from '../mocks/registry';
import { providers } from '../suites/registry';

const file = resolve(__dirname, '../docs/rules.md');
writeFileSync(file, renderRulesDoc(Object.values(providers).map((p) => p.contract), (name) => mockFaults[name]?.list ?? []));
console.log(`wrote ${file}`);
