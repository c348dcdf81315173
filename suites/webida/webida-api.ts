import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import type { Cleanup } from '../../harness/fixtures/cleanup';
import { ResourceTracker } from '../../harness/fixtures/tracker';
import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../harness/http/contract-client';
import type { Transcript } from '../../harness/http/transcript';
import { SessionSocket, type ConnectResult, type Handshake, type SocketTarget } from './session-socket';

/** The Session model as the suite reads it (the schema checks the rest). */
export interface Session {
  id: string;
  name: string;
  state: 'NORMAL' | 'LOSING' | 'CLOSING';
  workspaceId?: string;
  clientAddress: string;
  connectedAt: string;
  disconnectedAt: string;
  willCloseAt?: string;
  willLoseAt?: string;
}

/** `Authorization: <token>`: webida-simple-auth sends the raw token, without a prefix. */
export function tokenCredentials(token: string | undefined): Credentials {
  return {
    apply(req) {
      if (token) req.headers.authorization = token;
    },
  };
}

/** A session id no other run (and no other test of this run) uses: the run only ever touches its own sessions. */
export function runSessionId(label: string): string {
  return `${RUN_ID}-${label}-${randomBytes(3).toString('hex')}`;
}

export interface WebidaTarget {
  readonly socket: SocketTarget;
  readonly token: string;
  readonly workspaceId?: string;
}

/**
 * The Webida session operations, sent through the checking client, and the socket.io connections that make
 * sessions. Every session the run connects is closed after the test (closeSession with closeAfter 0, then the
 * socket), also when the test fails. It sends and tracks; the checks are the specs' (suites/webida/steps.ts).
 */
export class WebidaApi {
  private readonly sessions: ResourceTracker;

  constructor(
    readonly client: ContractClient,
    cleanup: Cleanup,
    private readonly transcript: Transcript,
    readonly target: WebidaTarget,
  ) {
    this.sessions = new ResourceTracker(cleanup, 'webida session');
  }

  /** The same API whose sessions go to another cleanup (one per property iteration). */
  withCleanup(cleanup: Cleanup): WebidaApi {
    return new WebidaApi(this.client, cleanup, this.transcript, this.target);
  }

  find(workspaceId?: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('findSessions', { ...options, query: { ...(options.query ?? {}), workspaceId } });
  }

  get(id: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('getSession', { ...options, pathParams: { sessionId: id } });
  }

  close(id: string, closeAfter: number | string | undefined, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('closeSession', { ...options, pathParams: { sessionId: id }, query: { closeAfter } });
  }

  /** Connects a session the way Webida clients do: with the token, its own session id and the run's workspace. */
  connect(label: string, workspaceId = this.target.workspaceId): Promise<ConnectResult> {
    return this.tryConnect({ token: this.target.token, sessionId: runSessionId(label), workspaceId });
  }

  /** Connects with the handshake as given (the auth tests send none or a wrong token). */
  async tryConnect(handshake: Handshake): Promise<ConnectResult> {
    // Registered before connecting (the client names the session): a test interrupted while it connects still closes it.
    const opened: { socket?: SessionSocket } = {};
    const id = handshake.sessionId;
    // Registered before the connection opens: a test interrupted while it connects still closes the session.
    this.sessions.created(id, async () => {
      try {
        return await this.client.raw('DELETE', `/sessions/${encodeURIComponent(id)}`, { query: { closeAfter: 0 } });
      } finally {
        opened.socket?.disconnect();
      }
    });
    const result = await SessionSocket.open(this.target.socket, handshake, this.transcript);
    if (result.ok) opened.socket = result.socket;
    else this.sessions.removed(id);
    return result;
  }
}
