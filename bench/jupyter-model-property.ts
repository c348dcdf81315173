import * as fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../harness/config/run';
import type { ContractClient } from '../harness/http/contract-client';
import { Cleanup } from '../harness/fixtures/cleanup';
import { commandsFor } from '../harness/property/run-property';
import type { RuleRecorder } from '../harness/rules/recorder';
import { JupyterApi } from '../suites/jupyter/jupyter-api';
import { CreateCommand, DeleteCommand, GetCommand, LABELS, ListCommand, RenameCommand, type StoreModel } from '../suites/jupyter/model/session-store-model';

/** The commands of suites/jupyter/model-store.spec.ts (not exported there: a spec file cannot be imported outside a run). */
const storeCommands = [
  fc.constantFrom(...LABELS).map((label) => new CreateCommand(label)),
  fc.tuple(fc.nat(7), fc.constantFrom(...LABELS)).map(([i, label]) => new RenameCommand(i, label)),
  fc.nat(7).map((i) => new DeleteCommand(i)),
  fc.nat(7).map((i) => new GetCommand(i)),
  fc.constant(new ListCommand()),
];

/** What happened while fast-check ran the property: when the first run failed, counted from the check's start. */
export interface FailureClock {
  firstFailureMs?: number;
}

/**
 * The Jupyter model property as the spec runs it (12 commands at most, a path prefix and a cleanup per run),
 * through the given checking client. `clock.firstFailureMs` is set when a run first fails.
 */
export function jupyterModelProperty(client: ContractClient, rules: RuleRecorder, startedAt: number, clock: FailureClock) {
  return fc.asyncProperty(commandsFor(storeCommands, undefined, 12), async (cmds) => {
    const cleanup = new Cleanup();
    const api = new JupyterApi(client, cleanup);
    const model: StoreModel = { prefix: `session-conformance/${RUN_ID}/bench-${randomBytes(3).toString('hex')}`, sessions: new Map() };
    try {
      await fc.asyncModelRun(() => ({ model, real: { api, rules } }), cmds);
    } catch (e) {
      clock.firstFailureMs ??= performance.now() - startedAt;
      throw e;
    } finally {
      await cleanup.run();
    }
  });
}
