import { defineProviderContract } from '../../harness/provider/contract';
import { g4Rules } from './rules';

export const g4Contract = defineProviderContract({
  name: 'g4',
  dir: __dirname,
  rules: g4Rules,
  responseRules: {
    schema: 'g4.response-schema',
    contentType: 'g4.json-content-type',
    statusDocumented: 'g4.status-documented',
  },
});
