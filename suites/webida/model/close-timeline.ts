import type { SessionSocket } from '../session-socket';
import type { Session } from '../webida-api';

/**
 * A model of closeSession over time: closeAfter N is the waiting time before the actual close, so a session
 * stays (CLOSING, socket connected) until max(N, 0) seconds have passed and is gone soon after. Near the
 * deadline either is fine: the tolerance covers latency and clock skew, the grace covers "soon after".
 */
export interface TimelineWindows {
  readonly toleranceMs: number;
  readonly graceMs: number;
}

/** One closeSession, with when it was sent and answered on our clock. */
export interface ClosedSession {
  readonly socket: SessionSocket;
  readonly closeAfterS: number;
  readonly sentAt: number;
  readonly answeredAt: number;
}

/** One look at findSessions: the sessions it listed, and when it was sent and answered. */
export interface Look {
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly listed: ReadonlyMap<string, Session>;
}

const waitMs = (c: ClosedSession) => Math.max(c.closeAfterS, 0) * 1000;

/** Until then the session must still be there (−∞ when closeAfter ≤ 0: nothing to wait for). */
export function openUntil(c: ClosedSession, w: TimelineWindows): number {
  return c.closeAfterS > 0 ? c.sentAt + waitMs(c) - w.toleranceMs : -Infinity;
}

/** From then on the session must be gone. */
export function goneBy(c: ClosedSession, w: TimelineWindows): number {
  return c.answeredAt + waitMs(c) + w.graceMs;
}

/** What one look shows against the model, as lines a vendor can read; empty when it agrees. */
export function violations(closed: readonly ClosedSession[], look: Look, w: TimelineWindows, origin: number): string[] {
  const at = (t: number) => `+${((t - origin) / 1000).toFixed(2)} s`;
  const out: string[] = [];
  for (const c of closed) {
    const id = c.socket.sessionId;
    const label = `${id} (closeAfter ${c.closeAfterS})`;
    const session = look.listed.get(id);
    // The listing reflects some moment between send and answer: "open" must hold if even the answer came early.
    if (look.answeredAt < openUntil(c, w)) {
      if (!session) out.push(`${label}: not listed at ${at(look.answeredAt)}, before its ${c.closeAfterS} s had passed`);
      else if (session.state !== 'CLOSING') out.push(`${label}: state ${session.state} at ${at(look.answeredAt)}, expected CLOSING`);
    }
    if (look.sentAt > goneBy(c, w) && session) out.push(`${label}: still listed (${session.state}) at ${at(look.sentAt)}, after ${c.closeAfterS} s + ${w.graceMs} ms`);
    const d = c.socket.disconnectedAt;
    if (d !== undefined && d < openUntil(c, w)) out.push(`${label}: socket disconnected at ${at(d)}, before its ${c.closeAfterS} s had passed`);
    if (look.sentAt > goneBy(c, w) && c.socket.connected) out.push(`${label}: socket still connected at ${at(look.sentAt)}, after ${c.closeAfterS} s + ${w.graceMs} ms`);
  }
  return out;
}

/** Nothing can change any more: every session is past its waiting time, unlisted and disconnected. */
export function settled(closed: readonly ClosedSession[], look: Look, w: TimelineWindows): boolean {
  return closed.every((c) => look.sentAt >= openUntil(c, w) && !look.listed.has(c.socket.sessionId) && !c.socket.connected);
}

/** When the last session must be gone: the iteration never looks longer than this. */
export function lastDeadline(closed: readonly ClosedSession[], w: TimelineWindows): number {
  return Math.max(...closed.map((c) => goneBy(c, w)));
}
