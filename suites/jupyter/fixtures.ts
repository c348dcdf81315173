import { expect } from '@playwright/test';
import { ContractClient } from '../../harness/http/contract-client';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { JupyterApi, tokenCredentials } from './jupyter-api';
import { jupyterProvider } from './settings';

export { expect };
export const rules = rulesOf(jupyterProvider.contract);

export const test = conformanceTest(jupyterProvider).extend<{ jupyter: JupyterApi }>({
  jupyter: async ({ http, settings, run, transcript, rules: recorder, cleanup }, use) => {
    const client = new ContractClient(
      http,
      jupyterProvider.contract.contract,
      { baseUrl: settings.baseUrl, credentials: tokenCredentials(settings.token), timeoutMs: run.requestTimeoutMs },
      transcript,
      recorder,
      jupyterProvider.contract.responseRules,
    );
    await use(new JupyterApi(client, cleanup));
  },
});
