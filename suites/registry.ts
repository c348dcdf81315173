import type { ProviderDefinition } from '../harness/fixtures/conformance';
import type { TargetSettings } from '../harness/provider';
import { jupyterProvider } from './jupyter/settings';

/** Every provider the harness knows, by project name. */
export const providers: Record<string, ProviderDefinition<TargetSettings>> = {
  jupyter: jupyterProvider,
};
