import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { TargetClock } from '../../harness/time/clock';
import { CoviuApi } from './coviu-api';
import { basicCredentials, bearerCredentials, TokenStore } from './oauth';
import { coviuProvider } from './settings';
import { Timeline } from './timeline';

export { expect };
export const rules = rulesOf(coviuProvider.contract);

export const test = conformanceTest(coviuProvider).extend<{ coviu: CoviuApi; timeline: Timeline }, { targetClock: TargetClock; tokens: TokenStore }>({
  // The target's clock and the access token outlive a test: every answer refines the one, the other is renewed.
  targetClock: [async ({}, use) => use(new TargetClock()), { scope: 'worker' }],
  tokens: [async ({}, use) => use(new TokenStore()), { scope: 'worker' }],

  coviu: async ({ contractClient, settings, cleanup, targetClock, tokens }, use) => {
    // The token request goes through this same client, so its answer is checked like any other.
    const client = contractClient(bearerCredentials(tokens, () => api.grant(basicCredentials(settings.apiKey, settings.apiSecret))));
    const api = new CoviuApi(client, cleanup, targetClock);
    await use(api);
  },

  timeline: async ({ targetClock, settings }, use) => use(new Timeline(targetClock, settings.timing)),
});
