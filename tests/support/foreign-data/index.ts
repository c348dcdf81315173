import { coviuTarget } from './coviu';
import { etherpadTarget } from './etherpad';
import { g4Target } from './g4';
import { jupyterTarget } from './jupyter';
import type { SafetyTarget } from './safety-target';
import { webidaTarget } from './webida';

export { onlyThisProvider, type FinishedRun, type SafetyTarget } from './safety-target';

export interface SafetyCase {
  /** Starts the target; `faults` names the mock's fault namespace for the run ('' for the clean mock). */
  readonly start: (faults: string) => Promise<SafetyTarget>;
  /**
   * Faults of the failing run: MUST rules break and tests fail while they hold data, but nothing the read-back
   * relies on (listing, reading, deleting) is broken.
   */
  readonly failingFaults: string;
  /** The rules those faults break. */
  readonly failingRules: readonly string[];
  /** The interrupted run gets SIGINT right after this many `holdsData` exchanges: about half of a green run's. */
  readonly interruptAfter: number;
}

export const safetyCases: Record<string, SafetyCase> = {
  // First: its runs wait for real session starts and ends, the longest of all; scheduled first, they do not trail.
  coviu: {
    start: coviuTarget,
    failingFaults: 'update-not-persisted,participant-update-ignored',
    failingRules: ['coviu.update-session', 'coviu.participant-update'],
    interruptAfter: 15,
  },
  jupyter: {
    start: jupyterTarget,
    failingFaults: 'patch-not-persisted,location-missing',
    failingRules: ['jupyter.patch-renames', 'jupyter.create-location'],
    interruptAfter: 7,
  },
  etherpad: {
    start: etherpadTarget,
    failingFaults: 'delete-answers-record,unknown-author-accepted',
    failingRules: ['etherpad.delete-session-ok', 'etherpad.unknown-author-refused'],
    interruptAfter: 10,
  },
  webida: {
    start: webidaTarget,
    failingFaults: 'close-answers-204,find-ignores-workspace',
    failingRules: ['webida.close-answers-ok', 'webida.find-filters-by-workspace'],
    interruptAfter: 15,
  },
  g4: {
    start: g4Target,
    failingFaults: 'put-merges,text-json-415',
    failingRules: ['g4.put-replaces-data', 'g4.put-content-types'],
    interruptAfter: 5,
  },
};
