import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import type { RuleCatalogue } from './catalogue';

/** A rule a known target version breaks, and why. */
export interface BaselineEntry {
  readonly rule: string;
  readonly reason: string;
}

export interface Baseline {
  readonly name: string;
  readonly target: string;
  readonly entries: ReadonlyMap<string, BaselineEntry>;
}

export const NO_BASELINE: Baseline = { name: '', target: '', entries: new Map() };

/**
 * Reads a baseline file (`contracts/<provider>/baselines/<name>.yaml`). Every entry must name a rule of the
 * catalogue and give a reason: a baseline that names a rule we no longer have would silently excuse nothing.
 */
export function loadBaseline(file: string, catalogue: RuleCatalogue): Baseline {
  if (!existsSync(file)) throw new Error(`baseline file not found: ${file}`);
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(doc) || typeof doc.target !== 'string' || !Array.isArray(doc.deviations)) {
    throw new Error(`${file}: expected { target: string, deviations: [{ rule, reason }] }`);
  }
  const entries = new Map<string, BaselineEntry>();
  for (const [i, raw] of doc.deviations.entries()) {
    if (!isRecord(raw) || typeof raw.rule !== 'string' || typeof raw.reason !== 'string' || !raw.reason.trim()) {
      throw new Error(`${file}: deviations[${i}] needs a rule id and a non-empty reason`);
    }
    if (!catalogue.has(raw.rule)) throw new Error(`${file}: deviations[${i}] names unknown rule "${raw.rule}"`);
    // A former id names the rule it was renamed to.
    const rule = catalogue.get(raw.rule).id;
    if (entries.has(rule)) throw new Error(`${file}: rule "${rule}" is listed twice`);
    entries.set(rule, { rule, reason: raw.reason.trim() });
  }
  const name = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  return { name, target: doc.target, entries };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
