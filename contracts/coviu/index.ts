import { defineProviderContract } from '../../harness/provider/contract';
import { coviuRules } from './rules';

export const coviuContract = defineProviderContract({
  name: 'coviu',
  dir: __dirname,
  rules: coviuRules,
  responseRules: {
    schema: 'coviu.response-schema',
    contentType: 'coviu.json-content-type',
    statusDocumented: 'coviu.status-documented',
  },
});
