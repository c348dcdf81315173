import * as fc from 'fast-check';
import { checkProperty, commandsFor } from '../../harness/property/run-property';
import { rules, test } from './fixtures';
import { G4Api } from './g4-api';
import {
  CreateCommand, DeleteCommand, PutCommand, ReadCommand, ReadDeletedCommand, ReadFromOtherTenantCommand, type StoreCommand, type StoreModel,
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
    const property = (replayPath: string | undefined) =>
      fc.asyncProperty(commandsFor(commands, replayPath, 12), async (cmds) => {
        // Each iteration opens its own sessions and deletes them before the next one starts.
        const cleanup = testCleanup.scope();
        const api = new G4Api(g4.client, cleanup, settings, recorder);
        const model: StoreModel = { sessions: new Map(), deleted: [] };
        try {
          await fc.asyncModelRun(() => ({ model, real: { api, rules: recorder, otherTenant: settings.otherTenant } }), cmds);
        } finally {
          await cleanup.run();
        }
      });
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? 100 : 10 });
  });
});
