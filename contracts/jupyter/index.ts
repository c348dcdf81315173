import { defineProviderContract } from '../../harness/provider';
import { jupyterRules } from './rules';

export const jupyterContract = defineProviderContract({
  name: 'jupyter',
  rules: jupyterRules,
  responseRules: {
    schema: 'jupyter.response-schema',
    contentType: 'jupyter.json-content-type',
    statusDocumented: 'jupyter.status-documented',
  },
});
