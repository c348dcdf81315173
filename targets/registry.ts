import { etherpadLauncher, ETHERPAD_BASELINE, ETHERPAD_VERSION } from './etherpad/launcher';
import { debianJupyterServer, enterpriseGateway, jupyterServer2, jupyverse, kernelGateway } from './jupyter/implementations';
import { jupyterLauncher, type JupyterImplementation } from './jupyter/launcher';
import type { RealTarget } from './types';

function jupyter(impl: JupyterImplementation, version: string): RealTarget {
  return { ...jupyterLauncher(impl), id: impl.baseline, provider: 'jupyter', version, baseline: impl.baseline };
}

/** Every real implementation the project can install and start here, each checked with its provider's suite. */
export const realTargets: readonly RealTarget[] = [
  jupyter(debianJupyterServer, '1.23.3'),
  jupyter(jupyterServer2, '2.21.1'),
  jupyter(jupyverse, '0.14.18'),
  jupyter(kernelGateway, '3.0.1'),
  jupyter(enterpriseGateway, '3.3.0'),
  { ...etherpadLauncher, id: ETHERPAD_BASELINE, provider: 'etherpad', version: ETHERPAD_VERSION, baseline: ETHERPAD_BASELINE },
];

export function realTarget(id: string): RealTarget | undefined {
  return realTargets.find((t) => t.id === id);
}
