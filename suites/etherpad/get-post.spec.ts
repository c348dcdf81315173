import * as fc from 'fast-check';
import { EtherpadApi, type Answer, type Params, type Placement, type World } from './etherpad-api';
import { expect, rules, test } from './fixtures';
import { createdGroup, createdSession, newWorld } from './steps';
import type { RuleRecorder } from '../../harness/rules/recorder';

/** An id as the property sends it: the test's own, a deleted one, one nobody made, junk, or none. */
type IdInput =
  | { readonly kind: 'valid' }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'unknown'; readonly suffix: string }
  | { readonly kind: 'junk'; readonly text: string }
  | { readonly kind: 'missing' };

/** A validUntil as the property sends it, relative to the target's now where it is a time. */
type ValidUntilInput =
  | { readonly kind: 'seconds'; readonly offset: number }
  | { readonly kind: 'millis'; readonly offset: number }
  | { readonly kind: 'fraction'; readonly offset: number }
  | { readonly kind: 'junk-suffix'; readonly offset: number }
  | { readonly kind: 'negative'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'missing' };

type Case =
  | { readonly fn: 'createSession'; readonly group: IdInput; readonly author: IdInput; readonly validUntil: ValidUntilInput; readonly placement: Placement }
  | { readonly fn: 'getSessionInfo' | 'deleteSession'; readonly session: IdInput; readonly placement: Placement };

const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];

function idInput(withDeleted: boolean): fc.Arbitrary<IdInput> {
  const kinds: fc.WeightedArbitrary<IdInput>[] = [
    { weight: 6, arbitrary: fc.constant<IdInput>({ kind: 'valid' }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 16, maxLength: 16 }).map<IdInput>((suffix) => ({ kind: 'unknown', suffix })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map<IdInput>((text) => ({ kind: 'junk', text })) },
    { weight: 1, arbitrary: fc.constant<IdInput>({ kind: 'missing' }) },
  ];
  if (withDeleted) kinds.push({ weight: 1, arbitrary: fc.constant<IdInput>({ kind: 'deleted' }) });
  return fc.oneof(...kinds);
}

/**
 * Mostly well-formed values, so that a case usually differs from a valid call in one input only. Times stay
 * at least `margin` seconds away from now: nearer, the two calls could fall on either side of it.
 */
function validUntilInput(margin: number): fc.Arbitrary<ValidUntilInput> {
  const ahead = fc.integer({ min: margin, max: 7200 });
  const behind = fc.integer({ min: -7200, max: -margin });
  return fc.oneof(
    { weight: 10, arbitrary: ahead.map<ValidUntilInput>((o) => ({ kind: 'seconds', offset: o })) },
    { weight: 2, arbitrary: behind.map<ValidUntilInput>((o) => ({ kind: 'seconds', offset: o })) },
    { weight: 1, arbitrary: ahead.map<ValidUntilInput>((o) => ({ kind: 'millis', offset: o })) },
    { weight: 1, arbitrary: ahead.map<ValidUntilInput>((o) => ({ kind: 'fraction', offset: o })) },
    { weight: 1, arbitrary: ahead.map<ValidUntilInput>((o) => ({ kind: 'junk-suffix', offset: o })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 31 }).map<ValidUntilInput>((v) => ({ kind: 'negative', value: v })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map<ValidUntilInput>((text) => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: fc.constant<ValidUntilInput>({ kind: 'empty' }) },
    { weight: 1, arbitrary: fc.constant<ValidUntilInput>({ kind: 'missing' }) },
  );
}

function caseArbitrary(margin: number): fc.Arbitrary<Case> {
  const placement = fc.constantFrom<Placement>('query', 'form', 'json');
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ fn: fc.constant('createSession' as const), group: idInput(true), author: idInput(false), validUntil: validUntilInput(margin), placement }) },
    { weight: 1, arbitrary: fc.record({ fn: fc.constantFrom('getSessionInfo' as const, 'deleteSession' as const), session: idInput(true), placement }) },
  );
}

/** What the two forms must agree on: the code and the shape of data (keys and value types, not values). */
function shapeOf(v: unknown): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.map(shapeOf);
  if (typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shapeOf((v as Record<string, unknown>)[k])]));
  return typeof v;
}

function signature(a: Answer): { code: number | undefined; data: unknown } {
  return { code: a.code, data: shapeOf(a.data) };
}

/** Fixed for the whole test: the test's group and author, and a group that no longer exists. */
interface Fixed {
  readonly world: World;
  readonly deletedGroup: string;
}

function idValue(input: IdInput, prefix: 'g.' | 'a.' | 's.', valid: string | undefined, deleted: string | undefined): string | undefined {
  switch (input.kind) {
    case 'valid': return valid;
    case 'deleted': return deleted;
    case 'unknown': return prefix + input.suffix;
    case 'junk': return input.text;
    case 'missing': return undefined;
  }
}

function validUntilValue(input: ValidUntilInput, api: EtherpadApi): string | undefined {
  switch (input.kind) {
    case 'seconds': return String(api.validUntilIn(input.offset));
    case 'millis': return String(api.validUntilIn(input.offset) * 1000);
    case 'fraction': return `${api.validUntilIn(input.offset)}.5`;
    case 'junk-suffix': return `${api.validUntilIn(input.offset)}abc`;
    case 'negative': return `-${input.value}`;
    case 'text': return input.text;
    case 'empty': return '';
    case 'missing': return undefined;
  }
}

/** Sends one case in both forms (POST with its placement) and returns both answers. */
async function bothForms(c: Case, api: EtherpadApi, fixed: Fixed, need: RuleRecorder['need']): Promise<{ get: Answer; post: Answer; params: Params }> {
  if (c.fn === 'createSession') {
    const params: Params = {
      groupID: idValue(c.group, 'g.', fixed.world.groupID, fixed.deletedGroup),
      authorID: idValue(c.author, 'a.', fixed.world.authorID, undefined),
      validUntil: validUntilValue(c.validUntil, api),
    };
    const get = await api.call('createSession', 'GET', params);
    const post = await api.call('createSession', 'POST', params, { placement: c.placement });
    return { get, post, params };
  }
  // Each form gets its own session of the same kind, so a delete by GET leaves POST one to delete.
  const sessionFor = async (): Promise<string | undefined> => {
    if (c.session.kind === 'valid') return createdSession(api, need, fixed.world);
    if (c.session.kind === 'deleted') {
      const id = await createdSession(api, need, fixed.world);
      await api.call('deleteSession', 'GET', { sessionID: id });
      return id;
    }
    return idValue(c.session, 's.', undefined, undefined);
  };
  const forGet = await sessionFor();
  const forPost = c.fn === 'deleteSession' ? await sessionFor() : forGet;
  const get = await api.call(c.fn, 'GET', { sessionID: forGet });
  const post = await api.call(c.fn, 'POST', { sessionID: forPost }, { placement: c.placement });
  return { get, post, params: { sessionID: forPost } };
}

test.describe('Etherpad sessions: GET and POST', () => {
  test('the GET and POST forms give the same code and data shape for generated inputs', rules('etherpad.get-post-agree'), async ({ etherpad, check, need, property, settings }) => {
    test.setTimeout(180_000);
    const world = await newWorld(etherpad, 'get-post');
    const deletedGroup = await createdGroup(etherpad);
    await etherpad.deleteGroup(deletedGroup);
    const fixed: Fixed = { world, deletedGroup };
    // Some faults show in one case of about thirteen (a create with an unknown author and all else valid):
    // 200 runs on the mock find them all but surely.
    await property('etherpad.get-post-agree', settings.usesMock ? 200 : 30, (_, iterate) =>
      fc.asyncProperty(caseArbitrary(settings.timeMarginS), iterate(async (scope, c) => {
        // Each case deletes what it created before the next one starts.
        const { get, post, params } = await bothForms(c, etherpad.withCleanup(scope), fixed, need);
        await check('etherpad.get-post-agree', () => {
          expect(signature(post), `POST (${c.placement}) and GET ${c.fn} ${JSON.stringify(params)}: ${JSON.stringify(post.message)} vs ${JSON.stringify(get.message)}`).toEqual(signature(get));
        });
      })));
  });
});
