import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { runData, wrongAuthorization, type SessionView } from './g4-api';
import { openSession, where } from './steps';

test.describe('G4 sessions: authorization', () => {
  test('a missing or wrong Authorization is refused on every operation and changes nothing', rules('g4.auth-required'), async ({ g4, check, settings, recorder }) => {
    if (!settings.authorization) {
      recorder.skip('g4.auth-required', 'G4_AUTHORIZATION is not set: the target is taken to need no Authorization');
      return;
    }
    // The refusals need no session (an id nobody made is as good); only "changes nothing" needs one.
    const opened = await openSession(g4, recorder, 'auth');
    const id = opened.session?.id ?? randomUUID();
    for (const [how, auth] of [['without Authorization', false], ['with a wrong Authorization', wrongAuthorization(settings.authorization)]] as const) {
      const answers = [
        await g4.create(g4.credentials(runData('auth-create')), { auth }),
        await g4.get(id, { auth }),
        await g4.getStatic(id, { auth }),
        await g4.put(id, runData('auth-put'), { auth }),
        await g4.delete(id, { auth }),
      ];
      for (const res of answers) {
        await check('g4.auth-required', () => {
          expect([401, 403], `status of ${where(res)} ${how}`).toContain(res.status);
        });
      }
    }
    const s = opened.session ?? recorder.block('g4.create-valid-credentials', opened.why);
    const after = await g4.getStatic(s.id);
    await check('g4.auth-required', () => {
      expect(after.status, 'the session is still there after the refused DELETEs').toBe(200);
      expect((after.json as SessionView | undefined)?.data, 'and keeps its data after the refused PUTs').toEqual(s.data);
    });
  });
});
