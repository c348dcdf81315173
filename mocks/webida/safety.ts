import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { webidaMock } from './webida-mock';
import { MOCK_API_PATH, WEBIDA_MOCK_OTHER_WORKSPACE_ID, WEBIDA_MOCK_TOKEN, WEBIDA_MOCK_WORKSPACE_ID } from './defaults';
import { call, startMock, type SafetyTarget, type SafetyDeclaration } from '../core/safety-target';

interface Session {
  id: string;
  state: string;
}

/**
 * Webida: sessions exist while a socket.io client is connected. The foreign session is a connection this test
 * holds open, in the run's own workspace; afterwards it must still be connected, never told it is closing, and
 * listed NORMAL as before. Every session can be closed through the API.
 */
export async function webidaTarget(faults: string): Promise<SafetyTarget> {
  const mock = await startMock(webidaMock({ token: WEBIDA_MOCK_TOKEN }), faults);
  const api = `${mock.url}${MOCK_API_PATH}`;
  const find = async () => (await call(`${api}/sessions`, { headers: { authorization: WEBIDA_MOCK_TOKEN } })).json as Session[];
  const foreignId = `someone-else-${randomBytes(4).toString('hex')}`;
  let socket: Socket | undefined;
  const events: string[] = [];

  const target: SafetyTarget = {
    provider: 'webida',
    recording: mock.recording,
    env: {
      WEBIDA_BASE_URL: api,
      WEBIDA_TOKEN: WEBIDA_MOCK_TOKEN,
      WEBIDA_WORKSPACE_ID: WEBIDA_MOCK_WORKSPACE_ID,
      WEBIDA_OTHER_WORKSPACE_ID: WEBIDA_MOCK_OTHER_WORKSPACE_ID,
      WEBIDA_BASELINE: '',
    },
    async seedForeign() {
      const s = io(mock.origin, {
        path: `${mock.mount}/socket.io`,
        query: { token: WEBIDA_MOCK_TOKEN, sessionId: foreignId, workspaceId: WEBIDA_MOCK_WORKSPACE_ID },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 5_000,
      });
      socket = s;
      s.onAny((name: string) => events.push(name));
      s.on('disconnect', (reason) => events.push(`disconnect (${reason})`));
      await new Promise<void>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error('seeding foreign data: no socket.io connection within 6 s')), 6_000);
        s.once('connect', () => (clearTimeout(timer), ok()));
        s.once('connect_error', (e: Error) => (clearTimeout(timer), fail(new Error(`seeding foreign data: connection refused: ${e.message}`))));
      });
      mock.markSeeded();
      return this.readForeign();
    },
    readForeign: async () => ({
      connected: socket?.connected ?? false,
      eventsReceived: [...events],
      listed: (await find()).filter((s) => s.id === foreignId),
    }),
    leftovers: async () => (await find()).filter((s) => s.id !== foreignId).map((s) => `session ${s.id} (${s.state})`),
    undeletable: async () => [],
    // The run reads one of its own sessions, or lists more than the foreign one: it holds a connection.
    holdsData: (e) =>
      e.method === 'GET' && e.status === 200 && e.path.startsWith('/api/sessions') &&
      (Array.isArray(e.answer) ? e.answer.length > 1 : (e.answer as Partial<Session> | undefined)?.id !== foreignId),
    async close() {
      socket?.disconnect();
      await mock.close();
    },
  };
  return target;
}

/** The production-safety self-proof of this mock (tests/self-proof/production-safety.spec.ts). */
export const safety: SafetyDeclaration = {
  start: webidaTarget,
  failingFaults: ['close-answers-204', 'find-ignores-workspace'],
  interruptAfter: 15,
};
