import * as fc from 'fast-check';
import type { Cleanup } from '../fixtures/cleanup';
import { commandsFor, openedFirst, type OpenedFirst, type PropertyFactory } from './run-property';

/** The model of one iteration and the real system it is compared with. */
export interface ModelState<M extends object, R> {
  readonly model: M;
  readonly real: R;
}

export type ModelCommand<M extends object, R> = fc.AsyncCommand<M, R>;

export interface ModelPropertySpec<M extends object, R> {
  /**
   * The iteration's starting state. Everything the real system makes registers with `scope`: the iteration
   * undoes it before the next one starts (and the test's cleanup does, if the test ends first).
   */
  readonly initial: (scope: Cleanup) => ModelState<M, R> | Promise<ModelState<M, R>>;
  /** The commands fast-check picks from, uniformly: list one twice to have it picked more often. */
  readonly commands: readonly fc.Arbitrary<ModelCommand<M, R>>[];
  readonly maxCommands: number;
  /**
   * Compares the whole store with the model once more after the commands, so a command that went wrong last
   * (or hit a neighbour of the item it named) is seen too.
   */
  readonly compare: (model: M, real: R) => Promise<void>;
  /** Once an iteration has failed, shrinking may spend this much more real time; then the smallest failure so far stands. */
  readonly shrinkBudgetMs?: number;
}

/** 0 to `max` items made by `open(i)` before the commands (see `openedFirst`). */
export interface OpenedFirstSpec<M extends object, R> {
  readonly max: number;
  /** What the counterexample calls them: "2 sessions opened first". */
  readonly noun: string;
  readonly open: (index: number) => ModelCommand<M, R>;
}

/**
 * The model-based property of a session store: each iteration builds its starting state, opens 0 to `max` items
 * when asked to, runs a shrinkable command sequence against model and real system, and ends with a whole-store
 * comparison. Give it to the `property` fixture, which checks it (FC_REPLAY_PATH replays a shrunk sequence).
 */
export function modelProperty<M extends object, R>(
  spec: ModelPropertySpec<M, R> & { readonly openedFirst: OpenedFirstSpec<M, R> },
): PropertyFactory<[OpenedFirst, Iterable<ModelCommand<M, R>>]>;
export function modelProperty<M extends object, R>(spec: ModelPropertySpec<M, R>): PropertyFactory<[Iterable<ModelCommand<M, R>>]>;
export function modelProperty<M extends object, R>(
  spec: ModelPropertySpec<M, R> & { readonly openedFirst?: OpenedFirstSpec<M, R> },
): PropertyFactory<[OpenedFirst, Iterable<ModelCommand<M, R>>] | [Iterable<ModelCommand<M, R>>]> {
  return (replayPath, iterate): fc.IAsyncPropertyWithHooks<[OpenedFirst, Iterable<ModelCommand<M, R>>]> | fc.IAsyncPropertyWithHooks<[Iterable<ModelCommand<M, R>>]> => {
    // Per check (the search, then the replay): the shrink budget starts at that check's first failure.
    let failedAt: number | undefined;
    const iteration = async (scope: Cleanup, opened: number, cmds: Iterable<ModelCommand<M, R>>): Promise<void> => {
      if (spec.shrinkBudgetMs !== undefined && failedAt !== undefined && Date.now() - failedAt > spec.shrinkBudgetMs) return;
      try {
        const state = await spec.initial(scope);
        for (let i = 0; i < opened; i++) await spec.openedFirst!.open(i).run(state.model, state.real);
        await fc.asyncModelRun(() => state, cmds);
        await spec.compare(state.model, state.real);
      } catch (e) {
        failedAt ??= Date.now();
        throw e;
      }
    };
    const commands = commandsFor([...spec.commands], replayPath, spec.maxCommands);
    const first = spec.openedFirst;
    if (!first) return fc.asyncProperty(commands, iterate((scope, cmds: Iterable<ModelCommand<M, R>>) => iteration(scope, 0, cmds)));
    return fc.asyncProperty(
      openedFirst(first.max, first.noun),
      commands,
      iterate((scope, opened: OpenedFirst, cmds: Iterable<ModelCommand<M, R>>) => iteration(scope, opened.count, cmds)),
    );
  };
}
