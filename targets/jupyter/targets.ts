import type { RealTarget } from '../types';
import { debianJupyterServer, enterpriseGateway, jupyterServer2, jupyverse, kernelGateway } from './implementations';
import { jupyterLauncher, type JupyterImplementation } from './launcher';

function jupyter(impl: JupyterImplementation, version: string): RealTarget {
  return { ...jupyterLauncher(impl), id: impl.baseline, provider: 'jupyter', version, baseline: impl.baseline };
}

/** The Jupyter server implementations we can install and start here, each pinned. */
export const targets: readonly RealTarget[] = [
  jupyter(debianJupyterServer, '1.23.3'),
  jupyter(jupyterServer2, '2.21.1'),
  jupyter(jupyverse, '0.14.18'),
  jupyter(kernelGateway, '3.0.1'),
  jupyter(enterpriseGateway, '3.3.0'),
];
