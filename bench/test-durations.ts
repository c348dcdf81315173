import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestDuration {
  readonly project: string;
  readonly file: string;
  readonly title: string;
  readonly ms: number;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Per-test durations of a run, from the `junit.xml` its config writes to the report folder (Playwright's JUnit
 * reporter: one testsuite per file and project, the project in `hostname`). Slowest first.
 */
export function testDurations(reportDir: string): TestDuration[] {
  const file = join(reportDir, 'junit.xml');
  if (!existsSync(file)) return [];
  const xml = readFileSync(file, 'utf8');
  const out: TestDuration[] = [];
  for (const suite of xml.matchAll(/<testsuite\b([^>]*)>([\s\S]*?)<\/testsuite>/g)) {
    const attrs = suite[1]!;
    const project = decode(/\bhostname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const path = decode(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    for (const tc of suite[2]!.matchAll(/<testcase\b([^>]*)>/g)) {
      const title = decode(/\bname="([^"]*)"/.exec(tc[1]!)?.[1] ?? '');
      const seconds = Number(/\btime="([^"]*)"/.exec(tc[1]!)?.[1] ?? 'NaN');
      if (Number.isFinite(seconds)) out.push({ project, file: path, title, ms: seconds * 1000 });
    }
  }
  return out.sort((a, b) => b.ms - a.ms);
}
