import { etherpadLauncher } from './etherpad/launcher';
import { jupyterLauncher } from './jupyter/launcher';
import type { RealTargetLauncher } from './types';

/** Real servers the project can start here and run its suites against, by provider. */
export const realTargets: Record<string, RealTargetLauncher> = {
  jupyter: jupyterLauncher,
  etherpad: etherpadLauncher,
};
