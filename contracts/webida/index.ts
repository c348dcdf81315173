import { defineProviderContract } from '../../harness/provider';
import { webidaRules } from './rules';

export const webidaContract = defineProviderContract({
  name: 'webida',
  rules: webidaRules,
  responseRules: {
    schema: 'webida.response-schema',
    contentType: 'webida.json-content-type',
    statusDocumented: 'webida.status-documented',
  },
});
