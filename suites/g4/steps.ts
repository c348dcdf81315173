import { expect } from '@playwright/test';
import type { ApiResponse } from '../../harness/http/contract-client';
import type { RuleRecorder } from '../../harness/rules/recorder';
import { runData, type AuthenticatedSession, type G4Api, type OpenedSession } from './g4-api';

/**
 * How the contract answers a read of a session that is not there (deleted, expired, never made): 204 "No
 * session" or 404 "No session with that id in this tenant (unknown, deleted or expired)"
 * (contracts/g4/openapi.yaml, responses NoContent and NotFound). Anything else, a 500 above all, does not tell
 * that the session is gone.
 */
export const NO_SESSION_STATUSES: readonly number[] = [204, 404];

/** How a read of another tenant's session may be refused: as a session that is not there, or 403 "not sufficient". */
export const OTHER_TENANT_REFUSALS: readonly number[] = [204, 403, 404];

/** `GET /session/<id>` and the like, for messages. */
export function where(res: ApiResponse): string {
  return `${res.exchange.method} ${new URL(res.exchange.url).pathname}`;
}

/** A PUT or DELETE that worked: any 2xx (which one exactly is `g4.status-documented`'s business). */
export function expectSuccess(res: ApiResponse, what: string): void {
  expect(res.status, `${what} succeeds (2xx)`).toBeGreaterThanOrEqual(200);
  expect(res.status, `${what} succeeds (2xx)`).toBeLessThan(300);
}

/** The assertions of `g4.create-valid-credentials` on one create answer. */
export function expectSessionOpened(res: ApiResponse): void {
  const body = (res.json ?? {}) as Partial<AuthenticatedSession>;
  expect(res.status, 'status of POST /session with valid credentials').toBe(200);
  expect(body.validCredentials, 'validCredentials').toBe(true);
  expect(body.accessAllowed, 'accessAllowed').toBe(true);
  expect(body.sessionId, 'sessionId').toEqual(expect.stringMatching(/./));
}

/** A read that must find no session: answered as the contract answers a missing one, without the session's data. */
export function expectNoSession(res: ApiResponse, what: string, nonce?: string): void {
  expect(NO_SESSION_STATUSES, `status of ${where(res)} ${what}`).toContain(res.status);
  if (nonce !== undefined) expect(res.text, `${where(res)} ${what} carries no session data`).not.toContain(nonce);
}

/** The sessionId of a create answer, when it gave one. */
export function sessionIdOf(res: ApiResponse): string | undefined {
  const id = (res.json as Partial<AuthenticatedSession> | undefined)?.sessionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** What a create with the valid credentials gave: the session, or why there is none. */
export type SessionAttempt = { readonly session: OpenedSession } | { readonly session?: undefined; readonly why: string };

/** Opens a session with the valid credentials, checking the answer against `g4.create-valid-credentials`. */
export async function openSession(g4: G4Api, rules: RuleRecorder, label: string, data: unknown = runData(label)): Promise<SessionAttempt> {
  const sentAt = Date.now();
  const res = await g4.create(g4.credentials(data));
  const receivedAt = Date.now();
  await rules.check('g4.create-valid-credentials', () => expectSessionOpened(res));
  const id = sessionIdOf(res);
  if (id !== undefined) return { session: { id, data, sentAt, receivedAt } };
  return { why: `POST /session with valid credentials opened no session (status ${res.status}, sessionId ${JSON.stringify((res.json as Partial<AuthenticatedSession> | undefined)?.sessionId)})` };
}

/**
 * A session the test goes on with. Only an answer without a sessionId stops the test (there is nothing to
 * read, write or delete), blocked by `g4.create-valid-credentials`.
 */
export async function openedSession(g4: G4Api, rules: RuleRecorder, label: string, data: unknown = runData(label)): Promise<OpenedSession> {
  const attempt = await openSession(g4, rules, label, data);
  return attempt.session ?? rules.block('g4.create-valid-credentials', attempt.why);
}
