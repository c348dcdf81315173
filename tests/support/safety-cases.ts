import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverProviders } from '../../harness/provider/discover';
import type { SafetyDeclaration, SafetyTarget } from '../../mocks/core/safety-target';

export type { FinishedRun, SafetyTarget } from '../../mocks/core/safety-target';

export interface SafetyCase {
  readonly provider: string;
  /** Starts the target; `faults` names the mock's fault namespace for the run ('' for the clean mock). */
  readonly start: (faults: string) => Promise<SafetyTarget>;
  /** The failing run's fault namespace: the declared faults, joined. */
  readonly failingFaults: string;
  /** The rules those faults break, from the mock's fault catalogue. */
  readonly failingRules: readonly string[];
  readonly interruptAfter: number;
}

/**
 * The production-safety case of every declared provider whose mock has a `safety.ts` beside its module (see
 * mocks/core/safety-target.ts), in the order the cases ask for. A provider whose mock has none is listed by
 * `providersWithoutSafety`, so the self-proof can say it is missing rather than skip it silently.
 */
export function safetyCases(roots?: readonly string[]): SafetyCase[] {
  const cases = discoverProviders(roots ? [...roots] : undefined).flatMap((p) => {
    const file = p.mock && join(dirname(p.mock.module), 'safety.ts');
    if (!file || !existsSync(file)) return [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { safety } = require(file) as { safety: SafetyDeclaration };
    const failingRules = safety.failingFaults.map((name) => {
      const fault = p.mock!.faults.list.find((f) => f.name === name);
      if (!fault) throw new Error(`${file}: failing fault "${name}" is not a fault of the ${p.name} mock`);
      return fault.rule;
    });
    return [{ order: safety.order ?? Number.MAX_SAFE_INTEGER, provider: p.name, start: safety.start, failingFaults: safety.failingFaults.join(','), failingRules, interruptAfter: safety.interruptAfter }];
  });
  return cases.sort((a, b) => a.order - b.order || a.provider.localeCompare(b.provider));
}

/** Declared providers with a mock but no production-safety case. */
export function providersWithoutSafety(): string[] {
  return discoverProviders()
    .filter((p) => p.mock && !existsSync(join(dirname(p.mock.module), 'safety.ts')))
    .map((p) => p.name);
}
