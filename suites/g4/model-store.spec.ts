import * as fc from 'fast-check';
import { checkProperty, commandsFor, openedFirst } from '../../harness/property/run-property';
import { rules, test } from './fixtures';
import { G4Api } from './g4-api';
import {
  CreateCommand, DeleteCommand, MAX_LIVE, PutCommand, ReadCommand, ReadDeletedCommand, ReadFromOtherTenantCommand, observeStore, type StoreCommand, type StoreModel,
} from './model/session-store-model';

test.describe('G4 sessions: model-based', () => {
  test('create, put, get, static get and delete sequences agree with a model of the tenant\'s sessions', rules('g4.session-store-model'), async ({ g4, cleanup: testCleanup, rules: recorder, transcript, run, settings }, testInfo) => {
    test.setTimeout(180_000);
    const commands: fc.Arbitrary<StoreCommand>[] = [
      fc.constant(null).map(() => new CreateCommand()),
      fc.tuple(fc.nat(7), fc.jsonValue({ maxDepth: 2 })).map(([i, v]) => new PutCommand(i, v)),
      fc.tuple(fc.nat(7), fc.boolean()).map(([i, statically]) => new ReadCommand(i, statically)),
      fc.nat(7).map((i) => new DeleteCommand(i)),
      fc.nat(7).map((i) => new ReadDeletedCommand(i)),
      ...(settings.otherTenant ? [fc.nat(7).map((i): StoreCommand => new ReadFromOtherTenantCommand(i))] : []),
    ];
    // Each iteration starts with 0 to MAX_LIVE - 1 sessions already open (without them, only about one run in
    // forty caught a delete of the wrong session), and ends by reading every session it made once more.
    const property = (replayPath: string | undefined) =>
      fc.asyncProperty(openedFirst(MAX_LIVE - 1, 'sessions'), commandsFor(commands, replayPath, 12), async (opened, cmds) => {
        // Each iteration opens its own sessions and deletes them before the next one starts.
        const cleanup = testCleanup.scope();
        const api = new G4Api(g4.client, cleanup, settings, recorder);
        const model: StoreModel = { sessions: new Map(), deleted: [] };
        const real = { api, rules: recorder, otherTenant: settings.otherTenant };
        try {
          for (let i = 0; i < opened.count; i++) await new CreateCommand().run(model, real);
          await fc.asyncModelRun(() => ({ model, real }), cmds);
          await observeStore(model, real);
        } finally {
          await cleanup.run();
        }
      });
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? 100 : 10 });
  });
});
