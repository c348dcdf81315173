import { resolve } from 'node:path';
import { loadBaseline } from '../../harness/rules/baseline';
import type { MatrixCatalogue } from '../../harness/reporting/matrix/model';
import type { TargetTableRow } from '../../harness/reporting/matrix/targets-table';
import { providersByName } from '../../harness/provider/discover';

const providers = providersByName();
import type { RealTarget } from '../../targets/types';

/** The rule catalogue of each provider, as the matrix rows show it. */
export function matrixCatalogues(): Record<string, MatrixCatalogue> {
  return Object.fromEntries(
    Object.entries(providers).map(([name, p]) => [
      name,
      {
        title: p.contract.openapi.title,
        rules: p.contract.catalogue.all().map(({ id, level, title, source, reference }) => ({ id, level, title, source, reference })),
      },
    ]),
  );
}

/** A registered target's row of the README table: its baseline read (and checked against the catalogue). */
export function targetTableRow(t: RealTarget): TargetTableRow {
  const provider = providers[t.provider];
  if (!provider) throw new Error(`target ${t.id}: unknown provider "${t.provider}"`);
  const { catalogue, baselinesDir } = provider.contract;
  const baseline = loadBaseline(resolve(baselinesDir, `${t.baseline}.yaml`), catalogue);
  const levels = [...baseline.entries.keys()].map((rule) => catalogue.get(rule).level);
  return {
    id: t.id, provider: t.provider, name: t.name, version: t.version, baseline: t.baseline,
    deviations: { must: levels.filter((l) => l === 'MUST').length, should: levels.filter((l) => l === 'SHOULD').length },
  };
}
