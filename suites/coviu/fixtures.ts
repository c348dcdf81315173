import { expect } from '@playwright/test';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { TargetClock } from '../../harness/time/clock';
import { CoviuApi } from './coviu-api';
import { basicCredentials, bearerCredentials, TokenStores } from './oauth';
import { coviuProvider } from './provider';
import { grantOf } from './steps';
import { Timeline } from './timeline';

export { expect };
export const rules = rulesOf(coviuProvider.contract);

export const test = conformanceTest(coviuProvider).extend<{ coviu: CoviuApi; timeline: Timeline }, { targetClock: TargetClock; tokens: TokenStores }>({
  // The target's clock and the access token outlive a test: every answer refines the one, the other is renewed.
  targetClock: [async ({}, use) => use(new TargetClock()), { scope: 'worker' }],
  tokens: [async ({}, use) => use(new TokenStores()), { scope: 'worker' }],

  coviu: async ({ contractClient, settings, cleanup, targetClock, tokens, need }, use) => {
    // The token request goes through this same client, so its answer is checked like any other. The preflight
    // took the credentials: a token endpoint that then grants none stops the test, blocked by the token rule.
    const fetchGrant = async () => {
      const res = await api.requestToken(basicCredentials(settings.apiKey, settings.apiSecret));
      return need('coviu.token-client-credentials', () => grantOf(res));
    };
    const client = contractClient(bearerCredentials(tokens.for(settings.baseUrl), fetchGrant));
    const api = new CoviuApi(client, cleanup, targetClock);
    await use(api);
  },

  timeline: async ({ targetClock, settings }, use) => use(new Timeline(targetClock, settings.timing)),
});
