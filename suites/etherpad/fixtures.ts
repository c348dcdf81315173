import { expect } from '@playwright/test';
import { ContractClient } from '../../harness/http/contract-client';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { EtherpadApi, keyCredentials } from './etherpad-api';
import { etherpadProvider } from './settings';

export { expect };
export const rules = rulesOf(etherpadProvider.contract);

export const test = conformanceTest(etherpadProvider).extend<{ etherpad: EtherpadApi }>({
  etherpad: async ({ http, settings, run, transcript, rules: recorder, cleanup }, use) => {
    const client = new ContractClient(
      http,
      etherpadProvider.contract.contract,
      { baseUrl: settings.baseUrl, credentials: keyCredentials(settings.apiKey), timeoutMs: run.requestTimeoutMs },
      transcript,
      recorder,
      etherpadProvider.contract.responseRules,
    );
    await use(new EtherpadApi(client, cleanup, recorder));
  },
});
