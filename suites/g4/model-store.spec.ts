import * as fc from 'fast-check';
import { commandsFor, openedFirst } from '../../harness/property/run-property';
import { rules, test } from './fixtures';
import {
  CreateCommand, DeleteCommand, MAX_LIVE, PutCommand, ReadCommand, ReadDeletedCommand, ReadFromOtherTenantCommand, observeStore, type StoreCommand, type StoreModel,
} from './model/session-store-model';

test.describe('G4 sessions: model-based', () => {
  test('create, put, get, static get and delete sequences agree with a model of the tenant\'s sessions', rules('g4.model-store'), async ({ g4, recorder, property, settings }) => {
    test.setTimeout(180_000);
    const commands: fc.Arbitrary<StoreCommand>[] = [
      fc.constant(null).map(() => new CreateCommand()),
      fc.tuple(fc.nat(7), fc.jsonValue({ maxDepth: 2 })).map(([i, v]) => new PutCommand(i, v)),
      fc.tuple(fc.nat(7), fc.boolean()).map(([i, statically]) => new ReadCommand(i, statically)),
      fc.nat(7).map((i) => new DeleteCommand(i)),
      fc.nat(7).map((i) => new ReadDeletedCommand(i)),
      // Without a second tenant the model cannot look from one; the rest of the model still runs.
      ...(settings.otherTenant ? [fc.nat(7).map((i): StoreCommand => new ReadFromOtherTenantCommand(i))] : []),
    ];
    // Each iteration starts with 0 to MAX_LIVE - 1 sessions already open (without them, only about one run in
    // forty caught a delete of the wrong session), and ends by reading every session it made once more.
    await property('g4.model-store', settings.usesMock ? 100 : 10, (replayPath, iterate) =>
      fc.asyncProperty(openedFirst(MAX_LIVE - 1, 'sessions'), commandsFor(commands, replayPath, 12), iterate(async (scope, opened, cmds) => {
        // Each iteration opens its own sessions and deletes them before the next one starts.
        const model: StoreModel = { sessions: new Map(), deleted: [] };
        const real = { api: g4.withCleanup(scope), rules: recorder, otherTenant: settings.otherTenant };
        for (let i = 0; i < opened.count; i++) await new CreateCommand().run(model, real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await observeStore(model, real);
      })));
  });
});
