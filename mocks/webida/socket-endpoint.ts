import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { FaultName } from '../core/faults';
import type { MockNamespace } from '../core/mock-server';
import type { webidaFaults } from './faults';
import type { SessionRegistry } from './session-registry';

/**
 * Mock convention: the socket.io endpoint of fault namespace `/__fault/<names>` is at the path
 * `/__fault/<names>/socket.io`, next to its REST API at `/__fault/<names>/api`; the clean mock's is at
 * `/socket.io`. socket.io serves a single path, so requests under a fault prefix are handed to it with the
 * prefix moved into this header, which the handshake keeps.
 */
const MOUNT_HEADER = 'x-mock-mount';
const FAULT_SOCKET_PATH = /^(\/__fault\/[a-z0-9,-]+)(\/socket\.io\/.*)$/;

interface Connection {
  readonly ns: MockNamespace<SessionRegistry, FaultName<typeof webidaFaults>>;
  readonly sessionId: string;
  readonly workspaceId?: string;
}

function queryString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * A socket.io server on the mock's HTTP server, as Webida clients use it: handshake query `token`, `sessionId`,
 * `workspaceId`; a refused handshake is a `connect_error`. Returns what stops it.
 */
export function attachSocketEndpoint(
  http: HttpServer,
  namespaceOf: (pathname: string) => MockNamespace<SessionRegistry, FaultName<typeof webidaFaults>> | undefined,
  token: string,
): () => Promise<void> {
  const io = new Server(http, { serveClient: false });
  const route = (req: IncomingMessage) => {
    delete req.headers[MOUNT_HEADER];
    const m = FAULT_SOCKET_PATH.exec(req.url ?? '');
    if (!m) return;
    req.headers[MOUNT_HEADER] = m[1]!;
    req.url = m[2]!;
  };
  // Runs before socket.io's own listeners, which look at the path.
  http.prependListener('request', route);
  http.prependListener('upgrade', route);

  const connections = new WeakMap<Socket, Connection>();
  io.use((socket, next) => {
    const mount = socket.handshake.headers[MOUNT_HEADER];
    const ns = namespaceOf(`${typeof mount === 'string' ? mount : ''}/socket.io`);
    if (!ns) return next(new Error('unknown fault namespace'));
    const q = socket.handshake.query;
    const given = queryString(q.token);
    if (!ns.faults.has('socket-auth-ignored') && given !== token) {
      // Kept open, but bound to no session: the connection is not refused, yet no session is made.
      if (ns.faults.has('socket-auth-kept-open')) return next();
      return next(new Error(given ? 'invalid token' : 'need access token'));
    }
    const sessionId = queryString(q.sessionId);
    if (!sessionId) return next(new Error('need sessionId'));
    const refused = ns.state.refusal(sessionId);
    if (refused) return next(new Error(refused));
    connections.set(socket, { ns, sessionId, workspaceId: queryString(q.workspaceId) });
    next();
  });
  io.on('connection', (socket) => {
    const c = connections.get(socket);
    if (!c) return; // a connection the `socket-auth-kept-open` fault let in: bound to no session
    c.ns.state.connect(socket, c.sessionId, c.workspaceId);
    socket.on('disconnect', () => c.ns.state.disconnected(c.sessionId, socket, c.ns.faults));
  });

  return async () => {
    io.disconnectSockets(true);
    io.engine.close();
  };
}
