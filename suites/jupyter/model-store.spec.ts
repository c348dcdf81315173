import * as fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { checkProperty, commandsFor } from '../../harness/property/run-property';
import { rules, test } from './fixtures';
import { JupyterApi } from './jupyter-api';
import { CreateCommand, DeleteCommand, GetCommand, LABELS, ListCommand, RenameCommand, type StoreModel } from './model/session-store-model';

const storeCommands = [
  fc.constantFrom(...LABELS).map((label) => new CreateCommand(label)),
  fc.tuple(fc.nat(7), fc.constantFrom(...LABELS)).map(([i, label]) => new RenameCommand(i, label)),
  fc.nat(7).map((i) => new DeleteCommand(i)),
  fc.nat(7).map((i) => new GetCommand(i)),
  fc.constant(new ListCommand()),
];

test.describe('Jupyter sessions: model-based', () => {
  test('create, rename, get, list and delete sequences agree with a model of the session store', rules('jupyter.model-store'), async ({ jupyter, cleanup: testCleanup, rules: recorder, transcript, run, settings }, testInfo) => {
    test.setTimeout(180_000);
    const property = (replayPath: string | undefined) =>
      fc.asyncProperty(commandsFor(storeCommands, replayPath, 12), async (cmds) => {
        // Each iteration has its own path prefix and deletes its sessions before the next one starts.
        const cleanup = testCleanup.scope();
        const api = new JupyterApi(jupyter.client, cleanup);
        const model: StoreModel = { prefix: `session-conformance/${RUN_ID}/model-${randomBytes(3).toString('hex')}`, sessions: new Map() };
        try {
          await fc.asyncModelRun(() => ({ model, real: { api, rules: recorder } }), cmds);
        } finally {
          await cleanup.run();
        }
      });
    // A live server starts a kernel per session: few runs there. The mock answers in microseconds, and 600 runs
    // find a one-in-forty sequence (create, rename away, create the old path again) all but surely.
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? 600 : 10 });
  });
});
