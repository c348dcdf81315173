/** Rewrites the table of real targets in README.md from targets/registry.ts and the baselines: npm run readme:targets */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTargetsTable, replaceBetweenMarkers } from '../harness/reporting/matrix/targets-table';
import { realTargets } from '../targets/registry';
import { targetTableRow } from './matrix/sources';

const file = resolve(__dirname, '../README.md');
writeFileSync(file, replaceBetweenMarkers(readFileSync(file, 'utf8'), renderTargetsTable(realTargets.map(targetTableRow))));
console.log(`wrote the real-targets table of ${file}`);
