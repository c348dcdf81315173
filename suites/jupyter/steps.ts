import { expect } from '@playwright/test';
import type { ApiResponse } from '../../harness/http/contract-client';
import type { RuleRecorder } from '../../harness/rules/recorder';
import type { JupyterApi, SessionBody } from './jupyter-api';

/** A session as the suite reads it out of an answer. */
export type Session = { id: string; path: string; name?: string | null; type?: string; kernel?: { id: string }; notebook?: { path?: unknown } };

/**
 * The path of a listed session: `path`, or the deprecated `notebook.path` of servers that still send only that
 * (the Kernel and Enterprise Gateways), so a check by path is not blind there.
 */
export function pathOf(s: Session): string | undefined {
  const path = s.path ?? s.notebook?.path;
  return typeof path === 'string' ? path : undefined;
}

/**
 * A session the test goes on with. The create is checked against `jupyter.create-returns-201`; what the test needs
 * of it is less: a 2xx with the session's id. Without one there is nothing to read, rename or delete, and the test
 * stops, blocked by that rule.
 */
export async function createdSession(jupyter: JupyterApi, rules: RuleRecorder, body: SessionBody): Promise<Session> {
  // With the server's default kernel named: optional in the spec, yet some servers refuse a create without one.
  const res = await jupyter.create({ kernel: { name: jupyter.kernelName }, ...body });
  const what = `POST /api/sessions ${JSON.stringify(body)}`;
  await rules.check('jupyter.create-returns-201', () => sessionOf(res, what));
  const id = (res.json as { id?: unknown } | undefined)?.id;
  if (res.status < 200 || res.status > 299 || typeof id !== 'string') rules.block('jupyter.create-returns-201', `${what} answered ${res.status} ${res.text.slice(0, 200)}: no session to go on with`);
  return res.json as Session;
}

/** The session of a create or read answer: asserts its status and an id, showing what came instead. */
export function sessionOf(res: ApiResponse, what: string): Session {
  expect(res.status, `status of ${what}`).toBe(res.exchange.method === 'POST' ? 201 : 200);
  expect(res.json, `body of ${what}${bodyNote(res)}`).toEqual(expect.objectContaining({ id: expect.any(String) }));
  return res.json as Session;
}

/** What a body that is no JSON was, for an assertion's message. */
export function bodyNote(res: ApiResponse): string {
  return res.json === undefined ? ` (the body is not JSON: ${JSON.stringify(res.text.slice(0, 120))})` : '';
}

/** A 200 answer whose body is a JSON list; the message says what the body was otherwise. */
function expectList(res: ApiResponse): void {
  expect(res.status, 'status of GET /api/sessions').toBe(200);
  expect(Array.isArray(res.json) ? 'a list' : res.text.slice(0, 200), `body of GET /api/sessions${bodyNote(res)}`).toBe('a list');
}

/**
 * The sessions of a list answer that the test made (by id), in list order. A list holds every client's sessions,
 * so a test looks only at its own. Asserts the answer is a 200 list, so a failed list never reads as "not listed".
 */
export function ownSessions(res: ApiResponse, ids: readonly string[]): Session[] {
  expectList(res);
  return (res.json as Session[]).filter((s) => ids.includes(s.id));
}

/** The paths listed in a list answer, asserting it is a 200 list (see ownSessions). */
export function listedPaths(res: ApiResponse): string[] {
  expectList(res);
  return (res.json as Session[]).map((s) => pathOf(s) ?? '');
}

/**
 * Deletes a session, checking the answer against `jupyter.delete-returns-204`. What comes after (is it gone from
 * the list, is it 404) can only be asked of a session that was deleted: an answer that is no 2xx stops the test.
 */
export async function deletedSession(jupyter: JupyterApi, rules: RuleRecorder, id: string): Promise<ApiResponse> {
  const res = await jupyter.delete(id);
  await rules.check('jupyter.delete-returns-204', () => {
    expect(res.status, `status of DELETE /api/sessions/${id}`).toBe(204);
    expect(res.text, 'a 204 has no body').toBe('');
  });
  if (res.status < 200 || res.status > 299) rules.block('jupyter.delete-returns-204', `DELETE /api/sessions/${id} answered ${res.status}: the session was not deleted`);
  return res;
}
