import type { RuleStatus } from '../rules/types';

/**
 * Pieces shared by the HTML pages we write (per-provider conformance report, implementation matrix): escaping,
 * status badges and their colours, so one status looks the same on every page.
 */

/** Escapes text for HTML element content and double-quoted attributes (also valid XML, for SVG). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const STATUS_LABEL: Record<RuleStatus, string> = {
  pass: 'pass', fail: 'FAIL', warn: 'warn', skip: 'skip', 'known-deviation': 'known deviation', error: 'ERROR', 'not-run': 'not run',
};

/** A status badge; a status this version does not know (a newer rules.json) is shown as it is, neutral. */
export function statusBadge(s: string): string {
  const known = (STATUS_LABEL as Record<string, string | undefined>)[s];
  return `<span class="badge ${known ? esc(s) : 'other'}">${esc(known ?? s)}</span>`;
}

/** Shown next to the status, never instead of it: a flaky pass is a pass that needed the target's patience. */
export const FLAKY_BADGE = '<span class="badge flaky" title="a check came after the target asked us to wait (429 or 503 with Retry-After)">flaky</span>';

/** Colours of the status badges: text and background. */
export const STATUS_COLOURS: Record<RuleStatus | 'flaky' | 'other', { readonly fg: string; readonly bg: string }> = {
  pass: { fg: '#17632f', bg: '#dff3e4' },
  fail: { fg: '#fff', bg: '#c62828' },
  error: { fg: '#fff', bg: '#c62828' },
  warn: { fg: '#7a5600', bg: '#fff1c2' },
  'known-deviation': { fg: '#3d2e9c', bg: '#e6e3fb' },
  skip: { fg: '#4a5263', bg: '#eceef2' },
  'not-run': { fg: '#4a5263', bg: '#eceef2' },
  flaky: { fg: '#7a3a00', bg: '#ffe2c7' },
  other: { fg: '#4a5263', bg: '#eceef2' },
};

/** The page's base type and the badge styles. */
export const BASE_CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #fff; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-size: .8rem; font-weight: 600; white-space: nowrap; }
${Object.entries(STATUS_COLOURS).map(([s, c]) => `.badge.${s} { background: ${c.bg}; color: ${c.fg}; }`).join('\n')}
pre { background: #f6f7f9; padding: .7rem; overflow-x: auto; font-size: .8rem; white-space: pre-wrap; word-break: break-word; }
`;
