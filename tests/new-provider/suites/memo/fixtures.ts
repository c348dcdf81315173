import { expect } from '@playwright/test';
import { conformanceTest } from '../../../../harness/fixtures/conformance';
import { rulesOf } from '../../../../harness/fixtures/tags';
import { bearer, MemoApi } from './memo-api';
import { memoProvider } from './provider';

export { expect };
export const rules = rulesOf(memoProvider.contract);

export const test = conformanceTest(memoProvider).extend<{ memos: MemoApi }>({
  memos: async ({ contractClient, settings, cleanup }, use) => use(new MemoApi(contractClient(bearer(settings.token)), cleanup)),
});
