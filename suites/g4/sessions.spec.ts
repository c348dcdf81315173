import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { expect, rules, test } from './fixtures';
import { REQUEST_CONTENT_TYPES, runData, type AuthenticatedSession, type SessionView } from './g4-api';
import { expectNoSession, expectSessionOpened, expectSuccess, openedSession, where } from './steps';

test.describe('G4 sessions: create, read, update, delete', () => {
  test('a create with valid credentials answers 200 with validCredentials, accessAllowed and a sessionId', rules('g4.create-valid-credentials', 'g4.response-schema', 'g4.json-content-type'), async ({ g4, check }) => {
    const res = await g4.create(g4.credentials(runData('create')));
    await check('g4.create-valid-credentials', () => expectSessionOpened(res));
  });

  test('a create with wrong credentials opens no session', rules('g4.create-wrong-credentials-no-session'), async ({ g4, check, settings }) => {
    const nonce = randomBytes(6).toString('hex');
    const attempts = [
      { what: 'an unknown username', body: { username: `nobody-${RUN_ID}-${nonce}@session-conformance.invalid`, password: `wrong-${nonce}` } },
      // One wrong password per run: few enough not to lock the account out.
      { what: 'a wrong password', body: { username: settings.username, password: `${settings.password}-wrong-${nonce}` } },
    ];
    for (const { what, body } of attempts) {
      const res = await g4.create({ ...body, data: runData('wrong-credentials') });
      const answer = (res.json ?? {}) as Partial<AuthenticatedSession>;
      await check('g4.create-wrong-credentials-no-session', () => {
        expect(res.status, `POST /session with ${what}`).toBe(200);
        expect(answer.validCredentials, `validCredentials for ${what}`).toBe(false);
        expect(answer.accessAllowed, `accessAllowed for ${what}`).toBe(false);
        expect(answer.sessionId, `sessionId for ${what}`).toBeNull();
      });
    }
  });

  test('GET /session/{id} answers the data given at create', rules('g4.get-returns-data'), async ({ g4, check, recorder }) => {
    const data = { ...runData('get'), nested: { list: [1, 'two', true, 2.5], empty: {} }, text: 'ünïcødé ✓ "quoted"' };
    const s = await openedSession(g4, recorder, 'get', data);
    const res = await g4.get(s.id);
    await check('g4.get-returns-data', () => {
      expect(res.status, 'GET /session/{id}').toBe(200);
      expect((res.json as SessionView | undefined)?.data, 'data').toEqual(data);
    });
  });

  test('GET /static-session/{id} answers the session and its current data', rules('g4.static-get-returns-data'), async ({ g4, check, need, recorder }) => {
    const s = await openedSession(g4, recorder, 'static');
    const first = await g4.getStatic(s.id);
    await check('g4.static-get-returns-data', () => {
      expect(first.status, 'GET /static-session/{id} after create').toBe(200);
      expect((first.json as SessionView | undefined)?.data, 'data given at create').toEqual(s.data);
    });
    const next = runData('static-after-put');
    const put = await g4.put(s.id, next);
    // The second read shows the current data only if there is new data to show.
    await need('g4.put-replaces-data', () => expectSuccess(put, 'PUT /session/{id}'));
    const second = await g4.getStatic(s.id);
    await check('g4.static-get-returns-data', () => {
      expect(second.status, 'GET /static-session/{id} after PUT').toBe(200);
      expect((second.json as SessionView | undefined)?.data, 'data of the PUT').toEqual(next);
    });
  });

  test('PUT replaces the data, it does not merge into it', rules('g4.put-replaces-data'), async ({ g4, check, recorder }) => {
    const s = await openedSession(g4, recorder, 'replace', { ...runData('replace'), onlyBefore: 'kept only if PUT merges' });
    for (const next of [{ ...runData('replace-object'), onlyAfter: 1 }, [runData('replace-array'), 'second']]) {
      const put = await g4.put(s.id, next);
      const read = await g4.get(s.id);
      await check('g4.put-replaces-data', () => {
        expectSuccess(put, 'PUT /session/{id}');
        expect(read.status, 'GET after PUT').toBe(200);
        expect((read.json as SessionView | undefined)?.data, 'GET shows exactly the data of the PUT').toEqual(next);
      });
    }
  });

  test('PUT accepts each request content type the seed lists', rules('g4.put-content-types'), async ({ g4, check, recorder }) => {
    const s = await openedSession(g4, recorder, 'content-types');
    for (const contentType of REQUEST_CONTENT_TYPES) {
      const next = { ...runData('content-type'), contentType };
      const put = await g4.put(s.id, next, { contentType });
      const read = await g4.get(s.id);
      await check('g4.put-content-types', () => {
        expectSuccess(put, `PUT with Content-Type ${contentType}`);
        expect((read.json as SessionView | undefined)?.data, `GET after the ${contentType} PUT`).toEqual(next);
      });
    }
  });

  test('after DELETE the session is gone from both GETs, with 404', rules('g4.deleted-session-gone', 'g4.deleted-session-404', 'g4.status-documented'), async ({ g4, check, need, recorder }) => {
    const s = await openedSession(g4, recorder, 'delete');
    const nonce = (s.data as { nonce: string }).nonce;
    const del = await g4.delete(s.id);
    // Whether a deleted session is gone can only be asked of one the server deleted.
    await need('g4.deleted-session-gone', () => expectSuccess(del, 'DELETE /session/{id}'));
    const reads = [await g4.get(s.id), await g4.getStatic(s.id)];
    await check('g4.deleted-session-gone', () => {
      for (const res of reads) expectNoSession(res, 'after DELETE', nonce);
    });
    await check('g4.deleted-session-404', () => {
      for (const res of reads) expect(res.status, `${where(res)} after DELETE`).toBe(404);
    });
  });
});
