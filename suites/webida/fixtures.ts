import { expect } from '@playwright/test';
import { ConfigError } from '../../harness/config/env';
import { conformanceTest } from '../../harness/fixtures/conformance';
import { rulesOf } from '../../harness/fixtures/tags';
import { WebidaApi, tokenCredentials } from './webida-api';
import { webidaProvider } from './provider';

export { expect };
export const rules = rulesOf(webidaProvider.contract);

export const test = conformanceTest(webidaProvider).extend<{ webida: WebidaApi }>({
  webida: async ({ contractClient, settings, run, transcript, cleanup }, use) => {
    // Sessions are made and read with an access token only: without one there is nothing to test.
    if (!settings.token) throw new ConfigError('WEBIDA_TOKEN is not set: the suite needs an ACCESS token of the target');
    const client = contractClient(tokenCredentials(settings.token));
    await use(
      new WebidaApi(client, cleanup, transcript, {
        socket: { url: settings.socketUrl, path: settings.socketPath, timeoutMs: run.requestTimeoutMs },
        token: settings.token,
        workspaceId: settings.workspaceId,
      }),
    );
  },
});
