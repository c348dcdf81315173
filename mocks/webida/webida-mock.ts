import { webidaContract } from '../../contracts/webida';
import type { MockOf, MockResponse, RequestOf } from '../core/mock-server';
import { webidaFaults } from './faults';
import { SessionRegistry, sessionView } from './session-registry';
import { attachSocketEndpoint } from './socket-endpoint';

export interface WebidaMockOptions {
  /** The access token requests must carry: raw in `Authorization`, and as the socket handshake query `token`. */
  readonly token: string;
}

const SESSION_PATH = /^\/api\/sessions\/(?<id>[^/]+)$/;

const json = (status: number, body: unknown): MockResponse => ({ status, body });
/** restify-style error body: RestError `{code, message}`. */
const error = (status: number, code: string, message: string): MockResponse => json(status, { code, message });


function unknownSession(req: Req, id: string): MockResponse {
  if (req.faults.has('unknown-id-500')) return error(500, 'Internal', 'Cannot read properties of undefined');
  return error(404, 'NotFound', `session ${id} not found`);
}

/** Requests as this mock's routes see them: its faults by name. */
type Req = RequestOf<typeof webidaFaults>;

/**
 * A Webida server (REST API v0.2.0 under `/api`, plus its socket.io endpoint on the same port), with the
 * v0.2.0 session state machine. closeAfter is in seconds, ≤ 0 closes at once, as webida-server-mini does.
 */
export function webidaMock(options: WebidaMockOptions): MockOf<SessionRegistry, typeof webidaFaults> {
  return {
    contract: webidaContract.openapi,
    faults: webidaFaults,
    newState: () => new SessionRegistry(),

    attach: (server, namespaceOf) => attachSocketEndpoint(server, namespaceOf, options.token),

    before(req) {
      if (req.faults.has('rest-auth-ignored')) return undefined;
      const given = req.headers.authorization;
      if (given === options.token) return undefined;
      return error(401, 'Unauthorized', given ? 'invalid token' : 'need access token');
    },

    notFound: (req) => error(404, 'NotFound', `${req.method} ${req.path} does not exist`),

    routes: [
      {
        method: 'GET',
        pattern: /^\/api\/sessions$/,
        operationId: 'findSessions',
        handle(req, registry) {
          if (req.faults.has('find-answers-500') || registry.listingBroken) return error(500, 'Internal', 'Cannot read properties of undefined');
          const workspaceId = req.query.get('workspaceId');
          let list = registry.list();
          if (workspaceId && !req.faults.has('find-ignores-workspace')) list = list.filter((s) => s.workspaceId === workspaceId);
          if (req.faults.has('find-omits-newest')) list = list.slice(0, -1);
          const status = req.faults.has('find-answers-206') ? 206 : 200;
          return json(status, list.map((s) => sessionView(s, req.faults)));
        },
      },
      {
        method: 'GET',
        pattern: SESSION_PATH,
        operationId: 'getSession',
        handle(req, registry) {
          const id = decodeURIComponent(req.params.id!);
          const s = registry.get(id);
          if (!s) return unknownSession(req, id);
          return json(200, sessionView(s, req.faults));
        },
      },
      {
        method: 'DELETE',
        pattern: SESSION_PATH,
        operationId: 'closeSession',
        handle(req, registry) {
          const id = decodeURIComponent(req.params.id!);
          const raw = req.query.get('closeAfter');
          const valid = raw !== null && /^-?\d+$/.test(raw);
          if (!valid && !req.faults.has('close-after-optional')) {
            return error(400, 'BadRequest', `closeAfter must be an integer, got ${raw === null ? 'nothing' : JSON.stringify(raw)}`);
          }
          const closeAfter = valid ? Number(raw) : 0;
          if (!registry.close(id, closeAfter, req.faults)) return unknownSession(req, id);
          if (req.faults.has('close-answers-204')) return { status: 204 };
          return json(200, { message: `session ${id} closes in ${Math.max(closeAfter, 0)} s` });
        },
      },
    ],
  };
}
