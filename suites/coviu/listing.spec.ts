import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { HarnessError, type RuleRecorder } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, type Page, type Session, type TimedResponse } from './coviu-api';
import { freshSlot, iso, runName, slotQuery, type Slot } from './run-window';
import { addedParticipant, createdSession, pageOf, walkedSessions } from './steps';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** Creates sessions in a slot, in the order given; each is [label, start offset, end offset] within the slot. */
async function createIn(coviu: CoviuApi, need: RuleRecorder['need'], slot: Slot, plan: readonly (readonly [string, number, number])[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [label, start, end] of plan) {
    const s = await createdSession(coviu, need, { session_name: runName(label), start_time: iso(slot.at(start)), end_time: iso(slot.at(end)) });
    ids.set(label, s.session_id);
  }
  return ids;
}

test.describe('Coviu sessions: listing and paging', () => {
  test('a time window lists exactly the sessions that start in it, ordered by start', rules('coviu.list-time-window', 'coviu.list-time-window-order'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const from = slot.at(2 * MINUTE);
    const to = slot.at(6 * MINUTE);
    // Created out of start order, so an order by creation shows; `a` ends inside the window but starts before it.
    const ids = await createIn(coviu, need, slot, [
      ['c', 4 * MINUTE, 5 * MINUTE],
      ['e', 6 * MINUTE + SECOND, 7 * MINUTE],
      ['a', MINUTE, 3 * MINUTE],
      ['d', 6 * MINUTE, 8 * MINUTE],
      ['b', 2 * MINUTE, 9 * MINUTE],
    ]);
    const id = (label: string) => ids.get(label)!;
    const query = { start_time: iso(from), end_time: iso(to) };
    const forwardRes = await coviu.listSessions(query);
    const reverseRes = await coviu.listSessions({ ...query, order: 'reverse' });
    const forward = () => idsOf(pageOf<Session>(forwardRes, `GET /sessions?start_time=${query.start_time}&end_time=${query.end_time}`).content);
    await check('coviu.list-time-window', () => {
      const name = (x: string) => [...ids].find(([, v]) => v === x)?.[0] ?? x;
      expect(forward().map(name).sort(), `sessions starting in [${query.start_time}, ${query.end_time}]`).toEqual(['b', 'c', 'd']);
    });
    await check('coviu.list-time-window-order', () => {
      expect(forward(), 'ordered by start time').toEqual([id('b'), id('c'), id('d')]);
      expect(idsOf(pageOf<Session>(reverseRes, 'GET /sessions?…&order=reverse').content), 'order=reverse: latest start first').toEqual([id('d'), id('c'), id('b')]);
    });
  });

  test('without a time filter the list is in creation order, and order=reverse puts the newest first', rules('coviu.list-creation-order'), async ({ coviu, check, need, settings }) => {
    const slot = freshSlot();
    // Created in an order their start times do not follow.
    const ids = await createIn(coviu, need, slot, [
      ['first', 3 * MINUTE, 4 * MINUTE],
      ['second', MINUTE, 2 * MINUTE],
      ['third', 2 * MINUTE, 3 * MINUTE],
    ]);
    const created = [...ids.values()];
    // Sessions other tests create meanwhile may shift the pages: a session read twice counts once.
    const mine = (sessions: Session[]) => [...new Set(idsOf(sessions).filter((x) => created.includes(x)))];
    const allSeen = (seen: Session[]) => mine(seen).length === created.length;
    // With include_canceled, the cancels of other tests cannot move sessions to pages already read.
    // Oldest first: this run's sessions are at the end of the account's list, so it is read from the end.
    const forward = await coviu.listTail({ include_canceled: true }, settings.maxListPages, allSeen);
    if (!forward.complete && !forward.refused) throw new HarnessError(`the sessions of this test are not within ${settings.maxListPages} pages of the end: raise COVIU_LIST_MAX_PAGES`);
    // Newest first: they are on the first page, unless the account is busy; stop once all three were seen.
    const reverse = await coviu.listAll({ include_canceled: true, order: 'reverse' }, settings.maxListPages, allSeen);
    await check('coviu.list-creation-order', () => {
      expect(mine(walkedSessions(forward, 'GET /sessions?include_canceled=true')), 'default order: oldest created first').toEqual(created);
      expect(mine(walkedSessions(reverse, 'GET /sessions?include_canceled=true&order=reverse')), 'order=reverse: newest created first').toEqual([...created].reverse());
    });
  });

  test('pages are disjoint and complete, `more` is right, and a page holds at most 200', rules('coviu.page-size-limit', 'coviu.paging-complete', 'coviu.paging-more-flag'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const n = 7;
    const plan = Array.from({ length: n }, (_, i) => [`page-${i}`, (i + 1) * 30 * SECOND, (i + 2) * 30 * SECOND] as const);
    await createIn(coviu, need, slot, plan);
    const window = slotQuery(slot);
    // The reference: one page of 200, the largest page the contract allows. Which sessions the window holds is
    // coviu.list-time-window's business; the pages are compared with whatever this page lists.
    const referenceRes = await coviu.listSessions({ ...window, page_size: 200 });
    const all = idsOf((await need('coviu.paging-complete', () => pageOf<Session>(referenceRes, 'GET /sessions of this test\'s slot, page_size=200'))).content);
    const total = all.length;

    const byDefault = await coviu.listSessions(window);
    const oversized = await coviu.listSessions({ ...window, page_size: 1000 });
    await check('coviu.page-size-limit', () => {
      const page = pageOf<Session>(byDefault, 'GET /sessions without page_size');
      expect(page.content.length, `a page without page_size holds all ${total} (default 200)`).toBe(total);
      expect(page.more, 'more on that page').toBe(false);
      if (page.page_size !== undefined) expect(page.page_size, 'page_size of the default page').toBeLessThanOrEqual(200);
      if (oversized.status === 200) {
        const big = pageOf<Session>(oversized, 'GET /sessions?page_size=1000');
        expect(big.content.length, 'page_size=1000').toBeLessThanOrEqual(200);
        if (big.page_size !== undefined) expect(big.page_size, 'page_size answered for page_size=1000 (max 200)').toBeLessThanOrEqual(200);
      } else {
        expect(oversized.status, 'page_size=1000 is capped or refused').toBeGreaterThanOrEqual(400);
        expect(oversized.status, 'status of a page request over the size limit').toBeLessThan(500);
      }
    });

    for (const size of [3, n]) {
      // Walk as many pages as the reference needs, plus one that must be empty; `more` is checked, not trusted.
      const answers: TimedResponse[] = [];
      for (let page = 0; page <= Math.ceil(total / size); page++) answers.push(await coviu.listSessions({ ...window, page_size: size, page }));
      const pages = () => answers.map((res, i) => pageOf<Session>(res, `GET /sessions page ${i} of size ${size}`));
      await check('coviu.paging-complete', () => {
        const read: Page<Session>[] = pages();
        read.forEach((p, i) => expect(p.content.length, `page ${i} of size ${size}`).toBeLessThanOrEqual(size));
        expect(read.flatMap((p) => idsOf(p.content)), `pages 0…${read.length - 1} of size ${size}, joined`).toEqual(all);
      });
      await check('coviu.paging-more-flag', () => {
        const read = pages();
        expect(read.map((p) => p.more), `more on pages 0…${read.length - 1} of size ${size} (${total} sessions)`).toEqual(read.map((_, i) => (i + 1) * size < total));
      });
    }
  });

  test('the state filter lists exactly the sessions with a participant in that state', rules('coviu.list-state-filter'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const alpha = `${RUN_ID}-alpha-${randomBytes(3).toString('hex')}`;
    const beta = `${RUN_ID}-beta-${randomBytes(3).toString('hex')}`;
    const ids = await createIn(coviu, need, slot, [
      ['alpha', MINUTE, 2 * MINUTE],
      ['beta', 2 * MINUTE, 3 * MINUTE],
      ['both', 3 * MINUTE, 4 * MINUTE],
      ['none', 4 * MINUTE, 5 * MINUTE],
    ]);
    const id = (label: string) => ids.get(label)!;
    await addedParticipant(coviu, need, id('alpha'), { display_name: 'A', role: 'guest', state: alpha });
    await addedParticipant(coviu, need, id('beta'), { display_name: 'B', role: 'guest', state: beta });
    await addedParticipant(coviu, need, id('both'), { display_name: 'A', role: 'host', state: alpha });
    await addedParticipant(coviu, need, id('both'), { display_name: 'B', role: 'guest', state: beta });
    await addedParticipant(coviu, need, id('none'), { display_name: 'N', role: 'guest' });
    for (const [state, expected] of [[alpha, ['alpha', 'both']], [beta, ['beta', 'both']]] as const) {
      const res = await coviu.listSessions({ ...slotQuery(slot), state });
      await check('coviu.list-state-filter', () => {
        expect(idsOf(pageOf<Session>(res, `GET /sessions?state=${state}`).content).sort(), `state=${state}`).toEqual(expected.map(id).sort());
      });
    }
  });
});
