import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { defaultKernel, JupyterApi, tokenCredentials } from './jupyter-api';
import { jupyterProvider } from './provider';

export { expect };
export const rules = rulesOf(jupyterProvider.contract);

export const test = conformanceTest(jupyterProvider).extend<{ jupyter: JupyterApi }, { kernelName: string }>({
  // Read once per worker: GET /api/kernelspecs is beside the sessions API in the same REST API, and read-only.
  kernelName: [async ({ targetSettings, http, run }, use) => use(await defaultKernel(targetSettings, http, run.requestTimeoutMs)), { scope: 'worker' }],
  jupyter: async ({ contractClient, settings, cleanup, kernelName }, use) => {
    await use(new JupyterApi(contractClient(tokenCredentials(settings.token, settings.tokenIn)), cleanup, kernelName));
  },
});
