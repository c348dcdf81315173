import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { G4Api, authorizationCredentials } from './g4-api';
import { g4Provider } from './provider';

export { expect };
export const rules = rulesOf(g4Provider.contract);

export const test = conformanceTest(g4Provider).extend<{ g4: G4Api }>({
  g4: async ({ contractClient, settings, cleanup }, use) => {
    await use(new G4Api(contractClient(authorizationCredentials(settings.authorization)), cleanup, settings));
  },
});
