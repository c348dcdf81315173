import { expect } from '@playwright/test';
import type { ApiResponse } from '../../harness/http/contract-client';
import { HarnessError, type RuleRecorder } from '../../harness/rules/recorder';
import type { ConnectResult, SessionSocket } from './session-socket';
import type { Session, WebidaApi } from './webida-api';

/**
 * The socket event a client gets when its session turns CLOSING (payload: closeAfter), as webida-server-mini
 * emits it; the rule webida.close-notifies-client cites it (contracts/webida/rules.ts).
 */
export const CLOSING_EVENT = 'session.closing';

/** Did findSessions answer a list? (A poll waits on; the check then says what came instead.) */
export function answeredList(res: ApiResponse): boolean {
  return res.status === 200 && Array.isArray(res.json);
}

/**
 * The sessions a findSessions answer lists, by id. Asserts that it is a 200 list, so a failed list never reads
 * as "not listed".
 */
export function listedSessions(res: ApiResponse): Map<string, Session> {
  const url = new URL(res.exchange.url);
  const what = `GET ${url.pathname}${url.search}`;
  expect(res.status, `status of ${what}`).toBe(200);
  expect(Array.isArray(res.json) ? 'a list' : res.text.slice(0, 200), `body of ${what}`).toBe('a list');
  return new Map((res.json as Session[]).map((s) => [s.id, s]));
}

/** The ids a findSessions answer lists (asserting it is a 200 list, see listedSessions). */
export function listedIds(res: ApiResponse): string[] {
  return [...listedSessions(res).keys()];
}

/** "connected", or how the connection ended, for an assertion that shows it. */
export function socketState(s: SessionSocket, origin: number): string {
  return s.connected ? 'connected' : s.describe(origin);
}

/**
 * Whether the server itself refused a connection (a socket.io `connect_error` from its middleware). A
 * connection that never got that far (transport error, no answer) is network trouble, not an answer.
 */
export function refusedByServer(result: ConnectResult, what: string): boolean {
  if (result.ok) return false;
  if (!result.byServer) throw new HarnessError(`socket.io connection ${what} did not reach the server: ${result.error}; check WEBIDA_SOCKET_URL`);
  return true;
}

/**
 * A session the test goes on with: a socket.io connection with the token, the run's session id and workspace.
 * A server that refuses it leaves nothing to test: the test stops, blocked by `webida.get-connected-normal`
 * (a connected session is what that rule reads).
 */
export async function connectedSession(webida: WebidaApi, rules: RuleRecorder, label: string, workspaceId?: string): Promise<SessionSocket> {
  const result = await webida.connect(label, workspaceId);
  if (result.ok) return result.socket;
  refusedByServer(result, `for a session (${label})`);
  return rules.block('webida.get-connected-normal', `the server refused a socket.io connection with the token (${label}): ${result.error}`);
}
