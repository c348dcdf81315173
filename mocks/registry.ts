import type { FaultCatalogue } from './core/faults';
import { jupyterFaults } from './jupyter/faults';
import { etherpadFaults } from './etherpad/faults';
import { webidaFaults } from './webida/faults';
import { g4Faults } from './g4/faults';
import { coviuFaults } from './coviu/faults';

/** The faults of every bundled mock, by provider: the self-proof runs each against its rule. */
export const mockFaults: Record<string, FaultCatalogue> = {
  jupyter: jupyterFaults,
  etherpad: etherpadFaults,
  webida: webidaFaults,
  g4: g4Faults,
  coviu: coviuFaults,
};
