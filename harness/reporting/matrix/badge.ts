import { esc } from '../html-kit';
import type { MatrixColumn } from './model';

/**
 * A badge per implementation, in the flat style of shields.io, made here (no dependency, no network):
 * `jupyter sessions | 16/17 MUST · 3/4 SHOULD`. A vendor embeds it and links it to its matrix column.
 */
export interface BadgeSpec {
  readonly label: string;
  readonly message: string;
  readonly color: string;
  /** Tooltip and accessible name. */
  readonly title: string;
}

export const BADGE_COLOURS = {
  /** Green with its baseline and every MUST rule kept. */
  conforms: '#2e9a4a',
  /** Green with its baseline, but MUST rules broken as known deviations. */
  deviates: '#b38600',
  breaks: '#c62828',
  unknown: '#7b8394',
} as const;

export function columnBadge(c: MatrixColumn): BadgeSpec {
  const label = `${c.provider} sessions`;
  const name = `${c.name} ${c.apiVersion ?? c.pinnedVersion}`;
  if (c.state === 'not-installed' || c.state === 'not-run' || c.state === 'could-not-check') {
    const message = { 'not-installed': 'not installed', 'not-run': 'not run', 'could-not-check': 'not checked' }[c.state];
    return { label, message, color: BADGE_COLOURS.unknown, title: `${name}: ${c.verdict}` };
  }
  const must = `${c.must.kept}/${c.must.total} MUST`;
  const message = c.should.total ? `${must} · ${c.should.kept}/${c.should.total} SHOULD` : must;
  const color = c.state === 'breaks' ? BADGE_COLOURS.breaks : c.must.kept === c.must.total ? BADGE_COLOURS.conforms : BADGE_COLOURS.deviates;
  return { label, message, color, title: `${name}: ${message} rules kept. ${c.verdict}` };
}

/** Verdana 11px advance widths (px) of the characters a badge usually holds; others count as 7. */
const WIDTHS: Record<string, number> = {
  ' ': 3.9, '.': 4.0, ',': 4.0, ':': 4.6, '·': 4.0, '/': 4.9, '-': 4.9, '_': 7.0, '(': 5.4, ')': 5.4, '|': 4.9,
  a: 6.7, b: 6.8, c: 5.7, d: 6.8, e: 6.6, f: 3.8, g: 6.8, h: 7.0, i: 3.0, j: 3.8, k: 6.4, l: 3.0, m: 10.7,
  n: 7.0, o: 6.6, p: 6.8, q: 6.8, r: 4.7, s: 5.7, t: 4.3, u: 7.0, v: 6.4, w: 9.0, x: 6.4, y: 6.4, z: 5.7,
  A: 7.5, B: 7.5, C: 7.7, D: 8.5, E: 7.0, F: 6.3, G: 8.5, H: 8.3, I: 4.6, J: 5.0, K: 7.6, L: 6.1, M: 9.4,
  N: 8.2, O: 8.6, P: 6.6, Q: 8.6, R: 7.6, S: 7.5, T: 6.8, U: 8.1, V: 7.5, W: 10.9, X: 7.5, Y: 6.8, Z: 7.5,
};

export function textWidth(s: string): number {
  let w = 0;
  // Digits, and anything not in the table, are about 7 px.
  for (const ch of s) w += WIDTHS[ch] ?? 7.0;
  return Math.round(w * 10) / 10;
}

const PAD = 6;

/** The badge as a standalone SVG document. Text is escaped; its length is fixed so any fallback font fits. */
export function renderBadgeSvg(b: BadgeSpec): string {
  const lt = textWidth(b.label);
  const mt = textWidth(b.message);
  const lw = Math.round(lt + 2 * PAD);
  const mw = Math.round(mt + 2 * PAD);
  const w = lw + mw;
  const text = (x: number, s: string, len: number) =>
    `<text x="${x}" y="15" fill="#010101" fill-opacity=".3" textLength="${len}" lengthAdjust="spacingAndGlyphs">${esc(s)}</text>` +
    `<text x="${x}" y="14" textLength="${len}" lengthAdjust="spacingAndGlyphs">${esc(s)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${esc(`${b.label}: ${b.message}`)}">
<title>${esc(b.title)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${esc(b.color)}"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${text(lw / 2, b.label, lt)}${text(lw + mw / 2, b.message, mt)}</g>
</svg>
`;
}
