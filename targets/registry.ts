import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { discoverProviders } from '../harness/provider/discover';
import type { RealTarget } from './types';

/**
 * Every real implementation the project can install and start here, each checked with its provider's suite:
 * what each `targets/<provider>/targets.ts` exports as `targets`, in the providers' order.
 */
export const realTargets: readonly RealTarget[] = findTargets();

function findTargets(): RealTarget[] {
  const order = new Map(discoverProviders().map((p, i) => [p.name, i]));
  const found = readdirSync(__dirname, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(__dirname, d.name, 'targets.ts')))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .flatMap((d) => (require(join(__dirname, d.name, 'targets.ts')) as { targets: readonly RealTarget[] }).targets);
  return found.sort((a, b) => (order.get(a.provider) ?? Infinity) - (order.get(b.provider) ?? Infinity));
}

export function realTarget(id: string): RealTarget | undefined {
  return realTargets.find((t) => t.id === id);
}
