import { defineProviderContract } from '../../harness/provider';
import { etherpadRules } from './rules';

export const etherpadContract = defineProviderContract({
  name: 'etherpad',
  rules: etherpadRules,
  responseRules: {
    schema: 'etherpad.response-schema',
    contentType: 'etherpad.json-content-type',
    statusDocumented: 'etherpad.status-documented',
  },
});
