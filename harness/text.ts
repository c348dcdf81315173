/** Playwright's messages carry ANSI colours; reports want plain text. */
export function plainText(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}
