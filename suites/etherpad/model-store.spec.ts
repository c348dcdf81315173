import * as fc from 'fast-check';
import { modelProperty } from '../../harness/property/model';
import { FORMS } from './etherpad-api';
import { rules, test } from './fixtures';
import { createdAuthor, createdGroup } from './steps';
import {
  CreateCommand, DeleteCommand, GetCommand, GetDeletedCommand, ListOfAuthorsCommand, ListOfGroupsCommand, observeStore, type StoreModel, type StoreReal,
} from './model/session-store-model';

const form = fc.constantFrom(...FORMS);
const create = fc.tuple(fc.nat(1), fc.nat(1), form, fc.integer({ min: 60, max: 86_400 })).map(([g, a, f, offset]) => new CreateCommand(g, a, f, offset));
const remove = fc.tuple(fc.nat(7), form).map(([i, f]) => new DeleteCommand(i, f));
/** fc.commands picks uniformly among these: create and delete are listed twice, so sequences change state often. */
const storeCommands = [
  create,
  create,
  remove,
  remove,
  fc.tuple(fc.nat(7), form).map(([i, f]) => new GetCommand(i, f)),
  fc.tuple(fc.nat(7), form).map(([i, f]) => new GetDeletedCommand(i, f)),
  form.map((f) => new ListOfGroupsCommand(f)),
  form.map((f) => new ListOfAuthorsCommand(f)),
];

test.describe('Etherpad sessions: model-based', () => {
  test('create, get, delete and list sequences agree with a model of the session store', rules('etherpad.model-store'), async ({ etherpad, recorder, property, settings }) => {
    test.setTimeout(180_000);
    // A live Etherpad answers in milliseconds, but every iteration leaves two authors behind (they cannot be deleted).
    await property('etherpad.model-store', settings.usesMock ? 100 : 10, modelProperty<StoreModel, StoreReal>({
      // Each iteration has its own two groups and two authors.
      initial: async (scope) => {
        const api = etherpad.withCleanup(scope);
        const model: StoreModel = {
          groups: [await createdGroup(api), await createdGroup(api)],
          authors: [await createdAuthor(api, 'model-0'), await createdAuthor(api, 'model-1')],
          sessions: new Map(),
          deleted: [],
        };
        return { model, real: { api, rules: recorder } };
      },
      commands: storeCommands,
      maxCommands: 16,
      compare: observeStore,
    }));
  });
});
