import * as fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { checkProperty, commandsFor, openedFirst } from '../../harness/property/run-property';
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
    // Each iteration starts with 0 to 3 sessions already open (paths a, b, c), so renames and deletes have
    // something to act on from the first command, and ends by listing its sessions once more.
    const property = (replayPath: string | undefined) =>
      fc.asyncProperty(openedFirst(LABELS.length - 1, 'sessions'), commandsFor(storeCommands, replayPath, 12), async (opened, cmds) => {
        // Each iteration has its own path prefix and deletes its sessions before the next one starts.
        const cleanup = testCleanup.scope();
        const api = new JupyterApi(jupyter.client, cleanup);
        const model: StoreModel = { prefix: `session-conformance/${RUN_ID}/model-${randomBytes(3).toString('hex')}`, sessions: new Map() };
        const real = { api, rules: recorder };
        try {
          for (const label of LABELS.slice(0, opened.count)) await new CreateCommand(label).run(model, real);
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          await new ListCommand().run(model, real);
        } finally {
          await cleanup.run();
        }
      });
    // A live server starts a kernel per session: few runs there. The mock answers in microseconds, and 300 runs
    // find a one-in-twenty-five sequence (create, rename away, create the old path again) all but surely.
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? 300 : 10 });
  });
});
