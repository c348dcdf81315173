import type { Fault } from './core/faults';
import { jupyterFaults } from './jupyter/faults';

/** The faults of every bundled mock, by provider: the self-proof runs each against its rule. */
export const mockFaults: Record<string, { readonly provider: string; readonly list: readonly Fault[] }> = {
  jupyter: jupyterFaults,
};
