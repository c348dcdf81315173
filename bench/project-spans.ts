import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProjectSpan {
  readonly project: string;
  /** From the spawn of the run to the start of the project's first test, and to the end of its last. */
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * When each project's tests ran, relative to `spawnedAt` (epoch ms), from the Allure results the config writes
 * (start and stop of each test, the project in the `parentSuite` label). Empty when there are none.
 */
export function projectSpans(reportDir: string, spawnedAt: number): ProjectSpan[] {
  const dir = join(reportDir, 'allure-results');
  if (!existsSync(dir)) return [];
  const spans = new Map<string, { from: number; to: number }>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('-result.json'))) {
    try {
      const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { start?: number; stop?: number; labels?: { name: string; value: string }[] };
      const project = r.labels?.find((l) => l.name === 'parentSuite')?.value;
      if (project === undefined || typeof r.start !== 'number' || typeof r.stop !== 'number') continue;
      const s = spans.get(project) ?? { from: Infinity, to: -Infinity };
      spans.set(project, { from: Math.min(s.from, r.start), to: Math.max(s.to, r.stop) });
    } catch {
      // a result being written as the run ended: leave it out
    }
  }
  return [...spans]
    .map(([project, s]) => ({ project, fromMs: s.from - spawnedAt, toMs: s.to - spawnedAt }))
    .sort((a, b) => a.fromMs - b.fromMs);
}
