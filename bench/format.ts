/**
 * Columns padded to their widest cell; the first row is the header, underlined. `align` has one letter per
 * column, `l` or `r`; by default the first column is left-aligned and the others right-aligned (figures).
 */
export function table(rows: readonly (readonly string[])[], align = ''): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => (align[i] ?? (i === 0 ? 'l' : 'r')) === 'l';
  const line = (r: readonly string[]) => r.map((c, i) => (left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—');
export const millis = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—');
export const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
export const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
export const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');
