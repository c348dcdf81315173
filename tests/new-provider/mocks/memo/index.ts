import { envString } from '../../../../harness/config/env';
import { defineMock } from '../../../../mocks/core/define-mock';
import { MEMO_MOCK_TOKEN } from './defaults';
import { memoFaults } from './faults';
import { memoMock } from './memo-mock';

/** The module `mocks/serve.ts` loads for the memo provider (its declaration names this file). */
export const mock = defineMock({
  name: 'memo',
  faults: memoFaults,
  // The token the suite sends (MEMO_TOKEN), else the mock's own.
  create: () => memoMock({ token: envString('MEMO_TOKEN') ?? MEMO_MOCK_TOKEN }),
});
