import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../harness/config/run';
import type { ContractClient } from '../harness/http/contract-client';
import type { PropertyFactory } from '../harness/property/run-property';
import type { RuleRecorder } from '../harness/rules/recorder';
import { JupyterApi } from '../suites/jupyter/jupyter-api';
import type { StoreCommand } from '../suites/jupyter/model/session-store-model';
import { storeProperty } from '../suites/jupyter/model/store-property';
import type { OpenedFirst } from '../harness/property/run-property';

/**
 * The Jupyter model property the suite runs (suites/jupyter/model/store-property.ts), through the given checking
 * client; checked with harness/property/run-property.ts as the suite checks it.
 */
export function jupyterModelProperty(client: ContractClient, rules: RuleRecorder): PropertyFactory<[OpenedFirst, Iterable<StoreCommand>]> {
  return storeProperty((scope) => ({
    api: new JupyterApi(client, scope),
    rules,
    prefix: `session-conformance/${RUN_ID}/bench-${randomBytes(3).toString('hex')}`,
  }));
}
