import { io, type Socket } from 'socket.io-client';
import type { Transcript } from '../../harness/http/transcript';

/** Where Webida's socket.io endpoint is, and how long a connection attempt may take. */
export interface SocketTarget {
  /** Server URL; a path part names the socket.io namespace (default `/`). */
  readonly url: string;
  /** socket.io request path (default `/socket.io`). */
  readonly path: string;
  readonly timeoutMs: number;
}

/** The handshake query a Webida client sends: the session exists while this connection lasts. */
export interface Handshake {
  readonly token?: string;
  readonly sessionId: string;
  readonly workspaceId?: string;
}

export interface SocketEvent {
  readonly name: string;
  readonly args: readonly unknown[];
  /** Our clock, ms since the epoch. */
  readonly at: number;
}

/**
 * How a connection attempt ended. A refused one says whether the server refused the handshake (a socket.io
 * `connect_error` from its middleware) or the connection never got that far (transport error, no answer).
 */
export type ConnectResult =
  | { readonly ok: true; readonly socket: SessionSocket }
  | { readonly ok: false; readonly error: string; readonly byServer: boolean };

/** socket.io-client reports transport trouble as a TransportError (engine.io) or an Error "timeout" (Manager). */
function isTransportError(e: Error): boolean {
  return (e as Error & { type?: unknown }).type === 'TransportError' || e.message === 'timeout';
}

/**
 * One Webida client connection (socket.io-client, websocket transport, no reconnection: a reconnect would
 * make the session again and hide a server-side close). Records what the server sends and when it
 * disconnects, on our clock.
 */
export class SessionSocket {
  readonly events: SocketEvent[] = [];
  disconnectedAt: number | undefined;
  disconnectReason: string | undefined;

  private constructor(readonly sessionId: string, readonly connectedAt: number, private readonly socket: Socket) {
    socket.onAny((name: string, ...args: unknown[]) => this.events.push({ name, args, at: Date.now() }));
    socket.on('disconnect', (reason) => {
      this.disconnectedAt ??= Date.now();
      this.disconnectReason ??= reason;
    });
  }

  /** Connects and waits, bounded by the target's timeout, for the server to accept or refuse. */
  static async open(target: SocketTarget, handshake: Handshake, transcript: Transcript): Promise<ConnectResult> {
    const query: Record<string, string> = { sessionId: handshake.sessionId };
    if (handshake.token !== undefined) query.token = handshake.token;
    if (handshake.workspaceId !== undefined) query.workspaceId = handshake.workspaceId;
    const socket = io(target.url, {
      path: target.path,
      query,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: target.timeoutMs,
    });
    const started = Date.now();
    const outcome = await new Promise<{ ok: true } | { ok: false; error: string; byServer: boolean }>((done) => {
      const timer = setTimeout(() => done({ ok: false, error: `no answer within ${target.timeoutMs} ms`, byServer: false }), target.timeoutMs + 500);
      socket.once('connect', () => {
        clearTimeout(timer);
        done({ ok: true });
      });
      socket.once('connect_error', (e: Error) => {
        clearTimeout(timer);
        done({ ok: false, error: e.message, byServer: !isTransportError(e) });
      });
    });
    const url = displayUrl(target, query);
    if (!outcome.ok) {
      socket.close();
      const recorded = transcript.record({ method: 'SOCKET.IO', url, requestHeaders: {}, durationMs: Date.now() - started, error: outcome.error });
      // The recorded text is redacted: a server's message may echo what it was sent.
      return { ok: false, error: recorded.error ?? 'refused', byServer: outcome.byServer };
    }
    transcript.record({
      method: 'SOCKET.IO', url, requestHeaders: {}, status: 101, responseBody: `connected (socket id ${socket.id ?? '?'})`, durationMs: Date.now() - started,
    });
    return { ok: true, socket: new SessionSocket(handshake.sessionId, Date.now(), socket) };
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Events the server sent since `since` (our clock). */
  eventsSince(since: number): SocketEvent[] {
    return this.events.filter((e) => e.at >= since);
  }

  /** The client leaves on its own, as a closed browser tab would. */
  disconnect(): void {
    this.socket.disconnect();
  }

  /** How the connection ended, relative to `origin` (our clock), for messages. */
  describe(origin: number): string {
    if (this.disconnectedAt === undefined) return this.connected ? 'socket still connected' : 'socket not connected';
    return `socket disconnected at +${((this.disconnectedAt - origin) / 1000).toFixed(2)} s (${this.disconnectReason})`;
  }
}

function displayUrl(target: SocketTarget, query: Record<string, string>): string {
  const url = new URL(target.url);
  const namespace = url.pathname;
  url.pathname = target.path.replace(/\/?$/, '/');
  url.search = new URLSearchParams({ EIO: '4', transport: 'websocket', ...query }).toString();
  return `${url.toString()}${namespace !== '/' ? `  (namespace ${namespace})` : ''}`;
}
