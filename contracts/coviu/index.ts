import { defineProviderContract } from '../../harness/provider';
import { coviuRules } from './rules';

export const coviuContract = defineProviderContract({
  name: 'coviu',
  rules: coviuRules,
  responseRules: {
    schema: 'coviu.response-schema',
    contentType: 'coviu.json-content-type',
    statusDocumented: 'coviu.status-documented',
  },
});
