import { randomBytes } from 'node:crypto';
import { FORMS, keyCredentials, sessionRecord, type Params, type SessionFunction } from './etherpad-api';
import { expect, rules, test } from './fixtures';
import { createdSession, newWorld } from './steps';

/** A malformed JSON body, cut off in the middle, as real-targets.md §1.4 sent it. */
const MALFORMED_JSON = '{"groupID": ';

test.describe('Etherpad sessions: the API key', () => {
  test('every session function, GET and POST, refuses a missing or wrong apikey with code 4', rules('etherpad.auth-required', 'etherpad.code-4-http-401'), async ({ etherpad, check, need }) => {
    const world = await newWorld(etherpad, 'auth');
    const sessionID = await createdSession(etherpad, need, world);
    const wrongKey = keyCredentials(`wrong-${randomBytes(6).toString('hex')}`);
    const calls: [SessionFunction, Params][] = [
      ['createSession', { ...world, validUntil: etherpad.validUntilIn() }],
      ['getSessionInfo', { sessionID }],
      ['deleteSession', { sessionID }],
    ];
    for (const form of FORMS) {
      for (const [fn, params] of calls) {
        for (const [what, auth] of [['no apikey', false], ['a wrong apikey', wrongKey]] as const) {
          const a = await etherpad.call(fn, form, params, { auth });
          await check('etherpad.auth-required', () => {
            expect(a.code, `${form} ${fn} with ${what}: ${JSON.stringify(a.message)}`).toBe(4);
            expect(a.data, `${form} ${fn} with ${what}: data`).toBeNull();
          });
        }
      }
    }
    const info = await etherpad.call('getSessionInfo', 'GET', { sessionID });
    await check('etherpad.auth-required', () => {
      expect(info.code, 'the session is still there after deleteSession without a valid key').toBe(0);
      expect(sessionRecord(info.data)).toMatchObject(world);
    });
  });

  test('a POST without the apikey is refused with 401 code 4 even when its body is malformed', rules('etherpad.auth-before-body'), async ({ etherpad, check }) => {
    const a = await etherpad.call('createSession', 'POST', {}, { auth: false, rawBody: MALFORMED_JSON, contentType: 'application/json' });
    await check('etherpad.auth-before-body', () => {
      expect({ status: a.status, code: a.code }, `POST createSession without apikey, body ${MALFORMED_JSON}: ${JSON.stringify(a.message)}`).toEqual({ status: 401, code: 4 });
    });
  });

  test('an internal error (code 2) has HTTP status 500', rules('etherpad.code-2-http-500', 'etherpad.status-documented'), async ({ etherpad, recorder }) => {
    // With the key, a malformed JSON body is the one input known to make Etherpad answer code 2; the call
    // itself checks the answer's status against its code.
    const a = await etherpad.call('createSession', 'POST', {}, { rawBody: MALFORMED_JSON, contentType: 'application/json' });
    if (a.code !== 2) {
      recorder.skip('etherpad.code-2-http-500', `the target answered the malformed body with code ${a.code} (HTTP ${a.status}): no internal error to check`);
    }
  });
});
