import * as fc from 'fast-check';
import type { Cleanup } from '../../../harness/fixtures/cleanup';
import { commandsFor, openedFirst, type Iterate, type OpenedFirst } from '../../../harness/property/run-property';
import type { RuleRecorder } from '../../../harness/rules/recorder';
import type { JupyterApi } from '../jupyter-api';
import { CreateCommand, DeleteCommand, GetCommand, LABELS, ListCommand, RenameCommand, type StoreCommand, type StoreModel } from './session-store-model';

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
export function storeProperty(
  replayPath: string | undefined,
  iterate: Iterate,
  begin: (scope: Cleanup) => StoreIteration,
): fc.IAsyncPropertyWithHooks<[OpenedFirst, Iterable<StoreCommand>]> {
  return fc.asyncProperty(openedFirst(LABELS.length - 1, 'sessions'), commandsFor(storeCommands, replayPath, 12), iterate(async (scope, opened, cmds) => {
    const iteration = begin(scope);
    const model: StoreModel = { prefix: iteration.prefix, sessions: new Map() };
    const real = { api: iteration.api, rules: iteration.rules };
    for (const label of LABELS.slice(0, opened.count)) await new CreateCommand(label).run(model, real);
    await fc.asyncModelRun(() => ({ model, real }), cmds);
    await new ListCommand().run(model, real);
  }));
}
