import { defineProviderContract } from '../../harness/provider/contract';
import { webidaRules } from './rules';

export const webidaContract = defineProviderContract({
  name: 'webida',
  dir: __dirname,
  rules: webidaRules,
  responseRules: {
    schema: 'webida.response-schema',
    contentType: 'webida.json-content-type',
    statusDocumented: 'webida.status-documented',
  },
});
