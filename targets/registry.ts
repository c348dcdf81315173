import { etherpadLauncher, ETHERPAD_BASELINE, ETHERPAD_VERSION } from './etherpad/launcher';
import { jupyterLauncher } from './jupyter/launcher';
import type { RealTarget } from './types';

/** Every real implementation the project can install and start here, each checked with its provider's suite. */
export const realTargets: readonly RealTarget[] = [
  { ...jupyterLauncher, id: 'jupyter-server-1.23.3', provider: 'jupyter', version: '1.23.3', baseline: 'jupyter-server-1.23.3' },
  { ...etherpadLauncher, id: ETHERPAD_BASELINE, provider: 'etherpad', version: ETHERPAD_VERSION, baseline: ETHERPAD_BASELINE },
];

export function realTarget(id: string): RealTarget | undefined {
  return realTargets.find((t) => t.id === id);
}
