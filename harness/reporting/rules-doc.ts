import type { ProviderContract } from '../provider/contract';

/** The rule catalogue of every provider as Markdown: generated from the code, so it cannot drift. */
export function renderRulesDoc(contracts: readonly ProviderContract[], faultsOf: (provider: string) => readonly { name: string; rule: string }[]): string {
  const lines = [
    '# Rules',
    '',
    'Generated from `contracts/<provider>/rules.ts` and `mocks/<provider>/faults.ts` by `npm run docs`;',
    'a unit test fails when this file is out of date. MUST: the contract states it; SHOULD: sensible behaviour it',
    'leaves open. Basis: `stated` (the quoted sentence says it), `inferred` (our reading of what the contract leaves',
    'open) or `seen-in-code` (what the reference implementation does); only a stated rule can be a MUST. Each source',
    'is a public document pinned to a tag or commit; copies of those whose licence allows it are in',
    '`contracts/<provider>/upstream/`. Each rule is a Playwright tag: `npx playwright test --grep @<rule id>` runs its',
    'checks.',
    '',
  ];
  for (const c of contracts) {
    lines.push(`## ${c.openapi.title} (\`${c.name}\`)`, '', '| rule | level | basis | what the target must do | source | proven by fault |', '|---|---|---|---|---|---|');
    for (const r of c.catalogue.all()) {
      const faults = faultsOf(c.name).filter((f) => f.rule === r.id).map((f) => `\`${f.name}\``).join(', ');
      const former = r.formerIds?.length ? ` (formerly ${r.formerIds.map((id) => `\`${id}\``).join(', ')})` : '';
      lines.push(`| \`${r.id}\`${former} | ${r.level} | ${r.basis} | ${cell(r.title)} | “${cell(r.source)}” (${cell(r.reference)}) | ${faults || '—'} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
