import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { bearer } from './memo-api';

type Memo = { id: string; text: string };

test.describe('Memo: create, read, delete', () => {
  test('a create answers 201 with the memo and a Location naming it', rules('memo.create-returns-201', 'memo.response-schema', 'memo.json-content-type'), async ({ memos, check }) => {
    const res = await memos.create('first memo');
    await check('memo.create-returns-201', () => {
      expect(res.status, 'status of POST /memos').toBe(201);
      expect(res.json, 'body of POST /memos').toEqual(expect.objectContaining({ id: expect.any(String), text: 'first memo' }));
      const id = (res.json as Memo).id;
      expect(new URL(res.headers.location ?? '', memos.client.url('/')).pathname, 'Location of the 201').toBe(new URL(memos.client.url(`/memos/${id}`)).pathname);
    });
    // The answer's schema and content type are checked by the client, for every answer.
  });

  test('a deleted memo, and one never made, are answered 404', rules('memo.deleted-memo-404', 'memo.status-documented'), async ({ memos, check, need }) => {
    // Without a memo there is nothing to delete: the test stops here, blocked by the create rule.
    const created = await memos.create('to delete');
    const id = await need('memo.create-returns-201', () => {
      expect(created.status, 'status of POST /memos').toBeGreaterThanOrEqual(200);
      expect(created.status, 'status of POST /memos').toBeLessThan(300);
      return (created.json as Memo).id;
    });
    const read = await memos.get(id);
    await check('memo.deleted-memo-404', () => expect(read.status, 'GET of the memo just made').toBe(200));
    const deleted = await memos.delete(id);
    await check('memo.deleted-memo-404', () => expect(deleted.status, `DELETE /memos/${id}`).toBe(204));
    const after = await memos.get(id);
    await check('memo.deleted-memo-404', () => expect(after.status, 'GET of the deleted memo').toBe(404));
    const never = await memos.get(randomUUID());
    await check('memo.deleted-memo-404', () => expect(never.status, 'GET of an id never made').toBe(404));
  });
});

test.describe('Memo: authentication', () => {
  test('without the token, or with a wrong one, every operation is refused', rules('memo.auth-required'), async ({ memos, check, settings, recorder }) => {
    if (!settings.token) {
      recorder.skip('memo.auth-required', 'MEMO_TOKEN is not set: the target is taken to run without authentication');
      return;
    }
    const id = randomUUID();
    const anonymous = { auth: false } as const;
    const answers = [
      await memos.create('anonymous', anonymous),
      await memos.get(id, anonymous),
      await memos.delete(id, anonymous),
      await memos.get(id, { auth: bearer('wrong-token') }),
    ];
    for (const res of answers) {
      await check('memo.auth-required', () => {
        expect(res.status, `${res.exchange.method} ${new URL(res.exchange.url).pathname} without a valid token`).toBe(401);
      });
    }
  });
});
