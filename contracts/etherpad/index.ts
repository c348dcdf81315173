import { violation, type AnswerCheck } from '../../harness/http/contract-client';
import { defineProviderContract } from '../../harness/provider/contract';
import { etherpadRules } from './rules';

/** The seed's pairing of envelope codes and HTTP statuses. */
export const STATUS_OF_CODE: Readonly<Record<number, number>> = { 0: 200, 1: 400, 2: 500, 4: 401 };

/** Every answer with an envelope code the seed pairs with a status has that status (`etherpad.code-<c>-http-<s>`). */
const codeHasItsStatus: AnswerCheck = (op, res) => {
  const envelope = typeof res.json === 'object' && res.json !== null ? (res.json as Record<string, unknown>) : {};
  const code = typeof envelope.code === 'number' ? envelope.code : undefined;
  const expected = code === undefined ? undefined : STATUS_OF_CODE[code];
  if (expected === undefined) return undefined;
  const call = op.operationId.replace(/^(\w+)Using(GET|POST)$/, '$2 $1');
  return {
    rule: `etherpad.code-${code}-http-${expected}`,
    assert: () => {
      if (res.status !== expected) throw violation(`${call} answered code ${code} (${JSON.stringify(envelope.message)}) with HTTP ${res.status}, not ${expected}`);
    },
  };
};

export const etherpadContract = defineProviderContract({
  name: 'etherpad',
  dir: __dirname,
  rules: etherpadRules,
  responseRules: {
    schema: 'etherpad.response-schema',
    contentType: 'etherpad.json-content-type',
    statusDocumented: 'etherpad.status-documented',
    perAnswer: [codeHasItsStatus],
  },
});
