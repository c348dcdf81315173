import { expect, rules, test } from './fixtures';
import { runSessionId } from './webida-api';
import { listedIds, refusedByServer } from './steps';

const WRONG_TOKEN = 'wrong-token-of-session-conformance';

test.describe('Webida sessions: authentication', () => {
  test('session operations without the token, or with a wrong one, answer 401', rules('webida.rest-auth-required'), async ({ webida, check, settings }) => {
    // The refusals need no connected session: if the server refuses the connection, an id nobody connected will do.
    const attempt = await webida.connect('auth-rest');
    const id = attempt.ok ? attempt.socket.sessionId : (refusedByServer(attempt, 'for a session (auth-rest)'), runSessionId('auth-rest'));
    const { closeAfterS } = settings.timing;
    const wrong = { apply: (req: { headers: Record<string, string> }) => void (req.headers.authorization = WRONG_TOKEN) };
    for (const [label, auth] of [['without a token', false], ['with a wrong token', wrong]] as const) {
      const answers = [await webida.find(undefined, { auth }), await webida.get(id, { auth }), await webida.close(id, closeAfterS, { auth })];
      for (const res of answers) {
        await check('webida.rest-auth-required', () => {
          expect(res.status, `${res.exchange.method} ${new URL(res.exchange.url).pathname} ${label}`).toBe(401);
        });
      }
    }
  });

  test('a socket.io connection without the token, or with a wrong one, is refused and makes no session', rules('webida.socket-auth-required', 'webida.socket-auth-refused'), async ({ webida, check, settings }) => {
    const attempts = [
      { label: 'without a token', handshake: { sessionId: runSessionId('no-token'), workspaceId: settings.workspaceId } },
      { label: 'with a wrong token', handshake: { token: WRONG_TOKEN, sessionId: runSessionId('wrong-token'), workspaceId: settings.workspaceId } },
    ];
    const results = await Promise.all(attempts.map((a) => webida.tryConnect(a.handshake)));
    const listed = await webida.find();
    for (const [i, { label, handshake }] of attempts.entries()) {
      const refused = refusedByServer(results[i]!, label);
      await check('webida.socket-auth-refused', () => {
        expect(refused ? 'refused' : 'connected', `socket.io connection ${label}`).toBe('refused');
      });
      await check('webida.socket-auth-required', () => {
        // Asserted as a list: a findSessions that fails says nothing about what it would list.
        expect(listedIds(listed), `findSessions after the connection ${label}`).not.toContain(handshake.sessionId);
      });
    }
  });
});
