import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../harness/config/run';
import type { ContractClient } from '../harness/http/contract-client';
import { Cleanup } from '../harness/fixtures/cleanup';
import type { RuleRecorder } from '../harness/rules/recorder';
import { JupyterApi } from '../suites/jupyter/jupyter-api';
import { storeProperty } from '../suites/jupyter/model/store-property';

/** What happened while fast-check ran the property: when the first run failed, counted from the check's start. */
export interface FailureClock {
  firstFailureMs?: number;
}

/**
 * The Jupyter model property the suite runs (suites/jupyter/model/store-property.ts), through the given checking
 * client. `clock.firstFailureMs` is set when a run first fails.
 */
export function jupyterModelProperty(client: ContractClient, rules: RuleRecorder, startedAt: number, clock: FailureClock) {
  return storeProperty(
    undefined,
    () => {
      const cleanup = new Cleanup();
      return {
        api: new JupyterApi(client, cleanup),
        rules,
        prefix: `session-conformance/${RUN_ID}/bench-${randomBytes(3).toString('hex')}`,
        done: () => cleanup.run(),
      };
    },
    () => {
      clock.firstFailureMs ??= performance.now() - startedAt;
    },
  );
}
