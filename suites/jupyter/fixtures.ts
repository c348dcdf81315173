import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { JupyterApi, tokenCredentials } from './jupyter-api';
import { jupyterProvider } from './settings';

export { expect };
export const rules = rulesOf(jupyterProvider.contract);

export const test = conformanceTest(jupyterProvider).extend<{ jupyter: JupyterApi }>({
  jupyter: async ({ contractClient, settings, cleanup }, use) => {
    await use(new JupyterApi(contractClient(tokenCredentials(settings.token)), cleanup));
  },
});
