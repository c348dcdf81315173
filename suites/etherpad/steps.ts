import { expect } from '@playwright/test';
import { HarnessError, type RuleRecorder } from '../../harness/rules/recorder';
import type { Answer, EtherpadApi, Form, World } from './etherpad-api';

/** The sessionID a createSession answer gives; asserts code 0 and a non-empty string, showing what came instead. */
export function createdSessionId(a: Answer, what: string): string {
  expect(a.code, `code of ${what}: ${JSON.stringify(a.message)}`).toBe(0);
  const sessionID = (a.data as { sessionID?: unknown } | null)?.sessionID;
  expect(sessionID, `data.sessionID of ${what}`).toEqual(expect.stringMatching(/./));
  return sessionID as string;
}

/**
 * A session a test needs as its starting point. Its creation is checked against the create rule; a target that
 * cannot create one fails that rule, and the test stops there, blocked by it.
 */
export async function createdSession(
  etherpad: EtherpadApi,
  need: RuleRecorder['need'],
  world: World,
  form: Form = 'GET',
  validUntil = etherpad.validUntilIn(),
): Promise<string> {
  const a = await etherpad.call('createSession', form, { ...world, validUntil });
  return need('etherpad.create-returns-session-id', () => createdSessionId(a, `createSession (${form}) of an existing group and author`));
}

/** A group for the test. No rule covers createGroup: a target that cannot make one cannot be checked here. */
export async function createdGroup(etherpad: EtherpadApi): Promise<string> {
  return made(await etherpad.createGroup(), 'groupID');
}

/** An author for the test (authors cannot be deleted). */
export async function createdAuthor(etherpad: EtherpadApi, label: string): Promise<string> {
  return made(await etherpad.createAuthor(label), 'authorID');
}

/** A group and an author for one test. The group is deleted after it. */
export async function newWorld(etherpad: EtherpadApi, label: string): Promise<World> {
  return { groupID: await createdGroup(etherpad), authorID: await createdAuthor(etherpad, label) };
}

function made(a: Answer, field: 'groupID' | 'authorID'): string {
  const id = (a.data as Record<string, unknown> | null)?.[field];
  if (a.code !== 0 || typeof id !== 'string') throw new HarnessError(`precondition: ${a.fn} answered ${a.status} ${a.res.text.slice(0, 200)}`);
  return id;
}
