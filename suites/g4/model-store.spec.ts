import * as fc from 'fast-check';
import { modelProperty } from '../../harness/property/model';
import { rules, test } from './fixtures';
import {
  CreateCommand, DeleteCommand, MAX_LIVE, PutCommand, ReadCommand, ReadDeletedCommand, ReadFromOtherTenantCommand, observeStore, type StoreCommand,
  type StoreModel, type StoreReal,
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
    await property('g4.model-store', settings.usesMock ? 100 : 10, modelProperty<StoreModel, StoreReal>({
      initial: (scope) => ({ model: { sessions: new Map(), deleted: [] }, real: { api: g4.withCleanup(scope), rules: recorder, otherTenant: settings.otherTenant } }),
      // Without sessions open first, only about one run in forty caught a delete of the wrong session.
      openedFirst: { max: MAX_LIVE - 1, noun: 'sessions', open: () => new CreateCommand() },
      commands,
      maxCommands: 12,
      // Reads every session the iteration made once more.
      compare: observeStore,
    }));
  });
});
