import { defineProviderContract } from '../../harness/provider/contract';
import { jupyterRules } from './rules';

export const jupyterContract = defineProviderContract({
  name: 'jupyter',
  dir: __dirname,
  rules: jupyterRules,
  responseRules: {
    schema: 'jupyter.response-schema',
    contentType: 'jupyter.json-content-type',
    statusDocumented: 'jupyter.status-documented',
    // Some servers answer an unnamed session with "name": null: its own rule, in every answer that holds one.
    schemaErrorOwners: [{ at: 'jupyter/Session.schema.json#/properties/name', data: null, rule: 'jupyter.unnamed-session-schema' }],
  },
});
