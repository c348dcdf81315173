import * as fc from 'fast-check';
import type { Cleanup } from '../../../harness/fixtures/cleanup';
import { modelProperty } from '../../../harness/property/model';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import type { JupyterApi } from '../jupyter-api';
import { CreateCommand, DeleteCommand, GetCommand, LABELS, ListCommand, RenameCommand, type StoreModel, type StoreReal } from './session-store-model';

/**
 * Runs of the model property. A live server starts a kernel per session: few runs there. The mock answers in
 * microseconds, and 300 runs find a one-in-twenty-five sequence (create, rename away, create the old path
 * again) all but surely.
 */
export const STORE_RUNS = { mock: 300, live: 10 } as const;

const storeCommands = [
  fc.constantFrom(...LABELS).map((label) => new CreateCommand(label)),
  fc.tuple(fc.nat(7), fc.constantFrom(...LABELS)).map(([i, label]) => new RenameCommand(i, label)),
  fc.nat(7).map((i) => new DeleteCommand(i)),
  fc.nat(7).map((i) => new GetCommand(i)),
  fc.constant(new ListCommand()),
];

/** What one iteration works with: an API registering with the iteration's cleanup, and its own path prefix. */
export interface StoreIteration {
  readonly api: JupyterApi;
  readonly rules: RuleRecorder;
  /** Nothing outside this path prefix is looked at. */
  readonly prefix: string;
}

/**
 * The model property of the session store, as the suite runs it and the bench measures it. Each iteration
 * starts with 0 to 3 sessions already open (paths a, b, c), so renames and deletes have something to act on from
 * the first command, runs at most 12 commands, and ends by listing its sessions once more.
 */
export function storeProperty(begin: (scope: Cleanup) => StoreIteration) {
  return modelProperty<StoreModel, StoreReal>({
    initial: (scope) => {
      const { api, rules, prefix } = begin(scope);
      return { model: { prefix, sessions: new Map() }, real: { api, rules } };
    },
    openedFirst: { max: LABELS.length - 1, noun: 'sessions', open: (i) => new CreateCommand(LABELS[i]!) },
    commands: storeCommands,
    maxCommands: 12,
    compare: (model, real) => new ListCommand().run(model, real),
  });
}
