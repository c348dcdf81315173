import { expect } from '@playwright/test';
import { ContractClient } from '../../harness/http/contract-client';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { G4Api, authorizationCredentials } from './g4-api';
import { g4Provider } from './settings';

export { expect };
export const rules = rulesOf(g4Provider.contract);

export const test = conformanceTest(g4Provider).extend<{ g4: G4Api }>({
  g4: async ({ http, settings, run, transcript, rules: recorder, cleanup }, use) => {
    const client = new ContractClient(
      http,
      g4Provider.contract.contract,
      { baseUrl: settings.baseUrl, credentials: authorizationCredentials(settings.authorization), timeoutMs: run.requestTimeoutMs },
      transcript,
      recorder,
      g4Provider.contract.responseRules,
    );
    await use(new G4Api(client, cleanup, settings, recorder));
  },
});
