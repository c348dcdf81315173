import type { Socket } from 'socket.io';
import type { FaultName, FaultSet } from '../core/faults';
import type { webidaFaults } from './faults';

type Faults = FaultSet<FaultName<typeof webidaFaults>>;

export type SessionState = 'NORMAL' | 'LOSING' | 'CLOSING';

/** How long the mock waits for a client that left to come back before it forgets the session. */
export const LOSING_WAIT_MS = 30_000;
/** The `zero-waits` fault: closeAfter ≤ 0 waits this long instead of closing at once. */
const ZERO_WAITS_MS = 5_000;
/** The event a client gets when its session turns CLOSING (webida-server-mini: payload closeAfter). */
export const CLOSING_EVENT = 'session.closing';
/** The `closing-notice-misnamed` fault: a notice under a name no Webida client listens to. */
const MISNAMED_CLOSING_EVENT = 'closing';

interface MockSession {
  readonly id: string;
  readonly name: string;
  readonly workspaceId?: string;
  readonly clientAddress: string;
  readonly connectedAt: Date;
  disconnectedAt?: Date;
  state: SessionState;
  willCloseAt?: Date;
  willLoseAt?: Date;
  /** The client's socket; none while LOSING. */
  socket?: Socket;
  /** Pending close (CLOSING) or end of the wait for a reconnect (LOSING). */
  timer?: NodeJS.Timeout;
}

/**
 * The sessions of one fault namespace, with the state machine of Webida v0.2.0: a session exists while its
 * client is connected (NORMAL); closeSession makes it CLOSING until the server disconnects it and forgets it;
 * a client that leaves makes it LOSING until it comes back or the wait ends. There is no CLOSED or LOST state.
 */
export class SessionRegistry {
  /** Insertion order is connection order. */
  private readonly sessions = new Map<string, MockSession>();
  /** Only the `close-timer-shared` fault uses it: the server's one pending close. */
  private sharedTimer: NodeJS.Timeout | undefined;
  /** Set by the `find-fails-after-*` faults once their kind of close has happened: findSessions answers 500 from then on. */
  private listBroken = false;

  get listingBroken(): boolean {
    return this.listBroken;
  }

  /** Why a connection for `sessionId` is refused, or undefined when it may go ahead. */
  refusal(sessionId: string): string | undefined {
    const s = this.sessions.get(sessionId);
    if (!s || s.state === 'LOSING') return undefined;
    return s.state === 'CLOSING' ? `session ${sessionId} is closing` : `session ${sessionId} is already connected`;
  }

  /** A client connected: a new session, or a LOSING one taken back. */
  connect(socket: Socket, sessionId: string, workspaceId: string | undefined): void {
    const losing = this.sessions.get(sessionId);
    if (losing?.state === 'LOSING') {
      clearTimeout(losing.timer);
      Object.assign(losing, { state: 'NORMAL', socket, timer: undefined, willLoseAt: undefined });
      return;
    }
    this.sessions.set(sessionId, {
      id: sessionId,
      name: `${workspaceId ? `workspace-${workspaceId}` : 'global'}/${socket.id}`,
      workspaceId,
      clientAddress: socket.handshake.address,
      connectedAt: new Date(),
      state: 'NORMAL',
      socket,
    });
  }

  /** The client's socket went away. Server-side closes forget the session first, so they end up here as strangers. */
  disconnected(sessionId: string, socket: Socket, faults: Faults): void {
    const s = this.sessions.get(sessionId);
    if (!s || s.socket !== socket) return;
    s.socket = undefined;
    s.disconnectedAt = new Date();
    // A closing session has nothing to wait for; a normal one waits for its client to reconnect.
    if (s.state === 'CLOSING' || faults.has('disconnect-removes-at-once')) return this.forget(s);
    s.state = 'LOSING';
    s.willLoseAt = new Date(Date.now() + LOSING_WAIT_MS);
    s.timer = setTimeout(() => this.forget(s), LOSING_WAIT_MS);
  }

  /** closeSession: false when there is no such session. */
  close(sessionId: string, closeAfterS: number, faults: Faults): boolean {
    const s = this.sessions.get(sessionId);
    if (!s) return false;
    let waitMs = closeAfterS * 1000;
    if (waitMs <= 0 && faults.has('zero-waits')) waitMs = ZERO_WAITS_MS;
    if (waitMs <= 0 || faults.has('close-at-once')) {
      this.forget(s);
      if (waitMs <= 0 && faults.has('find-fails-after-close-at-once')) this.listBroken = true;
      return true;
    }
    clearTimeout(s.timer);
    s.state = 'CLOSING';
    s.willCloseAt = new Date(Date.now() + (faults.has('will-close-at-minutes') ? waitMs * 60 : waitMs));
    if (!faults.has('no-closing-notice')) s.socket?.emit(faults.has('closing-notice-misnamed') ? MISNAMED_CLOSING_EVENT : CLOSING_EVENT, waitMs / 1000);
    if (faults.has('never-closes')) return true;
    const fire = () => {
      this.forget(s, { keepSocket: faults.has('keeps-socket-open') });
      if (faults.has('find-fails-after-timed-close')) this.listBroken = true;
    };
    s.timer = setTimeout(fire, faults.has('close-early') ? waitMs / 3 : waitMs);
    if (faults.has('close-timer-shared')) {
      clearTimeout(this.sharedTimer);
      this.sharedTimer = s.timer;
    }
    return true;
  }

  get(sessionId: string): MockSession | undefined {
    return this.sessions.get(sessionId);
  }

  list(): MockSession[] {
    return [...this.sessions.values()];
  }

  /** Removes the session from the registry, then disconnects its client. */
  private forget(s: MockSession, { keepSocket = false } = {}): void {
    clearTimeout(s.timer);
    if (this.sessions.get(s.id) === s) this.sessions.delete(s.id);
    const socket = s.socket;
    s.socket = undefined;
    if (!keepSocket) socket?.disconnect(true);
  }
}

/** The Session model as the API shows it. `disconnectedAt` is required: before any disconnect it repeats connectedAt. */
export function sessionView(s: MockSession, faults: Faults): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    state: s.state === 'NORMAL' && faults.has('connected-shown-losing') ? 'LOSING' : s.state,
    ...(s.workspaceId !== undefined ? { workspaceId: s.workspaceId } : {}),
    clientAddress: s.clientAddress,
    connectedAt: s.connectedAt.toISOString(),
    disconnectedAt: (s.disconnectedAt ?? s.connectedAt).toISOString(),
    ...(s.state === 'CLOSING' && s.willCloseAt ? { willCloseAt: s.willCloseAt.toISOString() } : {}),
    ...(s.state === 'LOSING' && s.willLoseAt ? { willLoseAt: s.willLoseAt.toISOString() } : {}),
  };
  if (faults.has('connected-at-missing')) delete view.connectedAt;
  return view;
}
