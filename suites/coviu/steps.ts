import { expect } from '@playwright/test';
import type { ApiResponse } from '../../harness/http/contract-client';
import type { RuleRecorder } from '../../harness/rules/recorder';
import type { CoviuApi, NewParticipant, NewSession, Page, Participant, Session, Walk } from './coviu-api';
import type { Grant } from './oauth';

/** The operation was done: any 2xx (which one exactly is `coviu.status-documented`'s business). */
export function expect2xx(res: ApiResponse, what: string): void {
  expect(res.status, `${what} is done (2xx)`).toBeGreaterThanOrEqual(200);
  expect(res.status, `${what} is done (2xx)`).toBeLessThan(300);
}

/** The operation was refused as the client's mistake: a 4xx, never a 5xx. */
export function expect4xx(res: ApiResponse, what: string): void {
  expect(res.status, `${what} is refused (4xx)`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} is refused (4xx)`).toBeLessThan(500);
}

/** The values a field has when it is not set: a canceled session has canceled_time, a canceled participant deleted_at. */
export const UNSET: readonly unknown[] = [undefined, null, ''];

/** The body of an answer, asserted to carry the string id `idField`, showing what came instead. */
function withId<T>(res: ApiResponse, what: string, idField: 'session_id' | 'participant_id'): T {
  expect(res.json, `body of ${what}`).toEqual(expect.objectContaining({ [idField]: expect.any(String) }));
  return res.json as T;
}

function expect200(res: ApiResponse, what: string): void {
  expect(res.status, `status of ${what}`).toBe(200);
}

/** The session of a create answer: asserts a 2xx with a session_id, showing what came instead. */
export function createdSessionOf(res: ApiResponse, what: string): Session {
  expect2xx(res, what);
  return withId<Session>(res, what, 'session_id');
}

/** The session of a read answer (GET or PUT of one session): asserts a 200 with a session_id. */
export function sessionOf(res: ApiResponse, what: string): Session {
  expect200(res, what);
  return withId<Session>(res, what, 'session_id');
}

/** The participant of an add answer: asserts a 2xx with a participant_id. */
export function addedParticipantOf(res: ApiResponse, what: string): Participant {
  expect2xx(res, what);
  return withId<Participant>(res, what, 'participant_id');
}

/** The participant of a read answer (GET or PUT of one participant): asserts a 200 with a participant_id. */
export function participantOf(res: ApiResponse, what: string): Participant {
  expect200(res, what);
  return withId<Participant>(res, what, 'participant_id');
}

/** A page answer: asserts a 200 whose `content` is a list, so a failed list never reads as "not listed". */
export function pageOf<T>(res: ApiResponse, what: string): Page<T> {
  expect200(res, what);
  const content = (res.json as { content?: unknown } | undefined)?.content;
  expect(Array.isArray(content) ? 'a page' : res.text.slice(0, 200), `body of ${what}`).toBe('a page');
  return res.json as Page<T>;
}

/** The sessions of a walk through a list's pages: asserts every page it asked for was answered. */
export function walkedSessions(walk: Walk, what: string): Session[] {
  if (walk.refused) pageOf(walk.refused, `${what}, page ${walk.refused.exchange.url.match(/[?&]page=(\d+)/)?.[1] ?? '0'}`);
  return walk.sessions;
}

/**
 * A session the test goes on with: the create must be done (2xx) with a session_id, or there is nothing to
 * read, change or cancel, and the test stops, blocked by `coviu.create-session`.
 */
export async function createdSession(coviu: CoviuApi, need: RuleRecorder['need'], body: NewSession): Promise<Session> {
  const res = await coviu.createSession(body);
  return need('coviu.create-session', () => createdSessionOf(res, `POST /sessions ${body.session_name ?? ''}`.trim()));
}

/** A participant the test goes on with: added (2xx) with a participant_id, or the test stops, blocked by `coviu.participant-add`. */
export async function addedParticipant(coviu: CoviuApi, need: RuleRecorder['need'], sessionId: string, body: NewParticipant): Promise<Participant> {
  const res = await coviu.addParticipant(sessionId, body);
  return need('coviu.participant-add', () => addedParticipantOf(res, `POST /sessions/${sessionId}/participants`));
}

/**
 * Cancels a session a test needs canceled: the cancel must be done (2xx), or what follows (how a canceled session
 * behaves) cannot be asked, and the test stops, blocked by `coviu.cancel-session`.
 */
export async function canceledSession(coviu: CoviuApi, need: RuleRecorder['need'], id: string): Promise<void> {
  const res = await coviu.cancelSession(id);
  await need('coviu.cancel-session', () => expect2xx(res, `DELETE /sessions/${id} of a scheduled session`));
}

/** The grant of a token answer: asserts a 200 with an access_token. */
export function grantOf(res: ApiResponse): Grant {
  const body = (res.json ?? {}) as { access_token?: unknown; expires_in?: unknown };
  expect(res.status, 'status of POST /auth/token with the configured client credentials').toBe(200);
  expect(body.access_token, 'access_token').toEqual(expect.stringMatching(/./));
  return { accessToken: body.access_token as string, expiresInS: typeof body.expires_in === 'number' ? body.expires_in : undefined };
}
