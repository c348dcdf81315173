import { call, seeded, startMock, type SafetyDeclaration, type SafetyTarget } from '../../../../mocks/core/safety-target';
import { MEMO_MOCK_TOKEN } from './defaults';
import { memoMock } from './memo-mock';

/**
 * Memo: a foreign memo. The API has no list, so what the run made is read back memo by memo, by the ids the mock
 * handed out (its recording), through GET.
 */
export async function memoTarget(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(memoMock({ token: MEMO_MOCK_TOKEN }), faults);
  const headers = { authorization: `Bearer ${MEMO_MOCK_TOKEN}`, 'content-type': 'application/json' };
  let foreignId = '';
  const read = async (id: string) => call(`${mock.url}/memos/${id}`, { headers });
  const createdIds = () =>
    mock.runExchanges().flatMap((e) => {
      const id = e.method === 'POST' && e.status < 300 ? (e.answer as { id?: unknown } | undefined)?.id : undefined;
      return typeof id === 'string' ? [id] : [];
    });

  const target: SafetyTarget = {
    provider: 'memo',
    recording: mock.recording,
    env: { MEMO_BASE_URL: mock.url, MEMO_TOKEN: MEMO_MOCK_TOKEN, MEMO_BASELINE: '' },
    async seedForeign() {
      const res = await call(`${mock.url}/memos`, { method: 'POST', headers, body: JSON.stringify({ text: 'someone else’s memo' }) });
      foreignId = seeded('POST /memos', res, (res.json as { id?: string } | undefined)?.id);
      mock.markSeeded();
      return this.readForeign();
    },
    readForeign: async () => (await read(foreignId)).json,
    async leftovers() {
      const left: string[] = [];
      for (const id of createdIds()) if ((await read(id)).status === 200) left.push(`memo ${id}`);
      return left;
    },
    undeletable: async () => [],
    holdsData: (e) => e.method === 'POST' && e.path === '/memos' && e.status < 300,
    close: () => mock.close(),
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  start: memoTarget,
  failingFaults: ['create-returns-200'],
  interruptAfter: 1,
};
