import type { ProviderDefinition } from '../harness/fixtures/conformance';
import type { TargetSettings } from '../harness/provider';
import { jupyterProvider } from './jupyter/settings';
import { etherpadProvider } from './etherpad/settings';
import { webidaProvider } from './webida/settings';
import { g4Provider } from './g4/settings';
import { coviuProvider } from './coviu/settings';

/** Every provider the harness knows, by project name. */
export const providers: Record<string, ProviderDefinition<TargetSettings>> = {
  jupyter: jupyterProvider,
  etherpad: etherpadProvider,
  webida: webidaProvider,
  g4: g4Provider,
  coviu: coviuProvider,
};
