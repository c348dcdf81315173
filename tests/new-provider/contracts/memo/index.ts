import { defineProviderContract } from '../../../../harness/provider/contract';
import { memoRules } from './rules';

export const memoContract = defineProviderContract({
  name: 'memo',
  dir: __dirname,
  rules: memoRules,
  responseRules: {
    schema: 'memo.response-schema',
    contentType: 'memo.json-content-type',
    statusDocumented: 'memo.status-documented',
  },
});
