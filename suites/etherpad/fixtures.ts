import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { EtherpadApi, keyCredentials } from './etherpad-api';
import { etherpadProvider } from './provider';

export { expect };
export const rules = rulesOf(etherpadProvider.contract);

export const test = conformanceTest(etherpadProvider).extend<{ etherpad: EtherpadApi }>({
  etherpad: async ({ contractClient, settings, cleanup }, use) => {
    await use(new EtherpadApi(contractClient(keyCredentials(settings.apiKey)), cleanup));
  },
});
