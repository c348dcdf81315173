import { defineProviderContract } from '../../harness/provider/contract';
import { etherpadRules } from './rules';

export const etherpadContract = defineProviderContract({
  name: 'etherpad',
  dir: __dirname,
  rules: etherpadRules,
  responseRules: {
    schema: 'etherpad.response-schema',
    contentType: 'etherpad.json-content-type',
    statusDocumented: 'etherpad.status-documented',
  },
});
