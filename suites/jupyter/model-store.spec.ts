import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { checkProperty } from '../../harness/property/run-property';
import { rules, test } from './fixtures';
import { JupyterApi } from './jupyter-api';
import { STORE_RUNS, storeProperty } from './model/store-property';

test.describe('Jupyter sessions: model-based', () => {
  test('create, rename, get, list and delete sequences agree with a model of the session store', rules('jupyter.model-store'), async ({ jupyter, cleanup: testCleanup, rules: recorder, transcript, run, settings }, testInfo) => {
    test.setTimeout(180_000);
    const property = (replayPath: string | undefined) =>
      storeProperty(replayPath, () => {
        const cleanup = testCleanup.scope();
        return {
          api: new JupyterApi(jupyter.client, cleanup),
          rules: recorder,
          prefix: `session-conformance/${RUN_ID}/model-${randomBytes(3).toString('hex')}`,
          done: () => cleanup.run(),
        };
      });
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? STORE_RUNS.mock : STORE_RUNS.live });
  });
});
