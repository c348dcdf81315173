import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { rules, test } from './fixtures';
import { STORE_RUNS, storeProperty } from './model/store-property';

test.describe('Jupyter sessions: model-based', () => {
  test('create, rename, get, list and delete sequences agree with a model of the session store', rules('jupyter.model-store'), async ({ jupyter, recorder, property, settings }) => {
    test.setTimeout(180_000);
    await property('jupyter.model-store', settings.usesMock ? STORE_RUNS.mock : STORE_RUNS.live, storeProperty((scope) => ({
      api: jupyter.withCleanup(scope),
      rules: recorder,
      prefix: `session-conformance/${RUN_ID}/model-${randomBytes(3).toString('hex')}`,
    })));
  });
});
