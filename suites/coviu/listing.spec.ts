import { randomBytes } from 'node:crypto';
import { RUN_ID } from '../../harness/config/run';
import { HarnessError } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, type Page, type Session } from './coviu-api';
import { freshSlot, iso, runName, slotQuery, type Slot } from './run-window';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** Creates sessions in a slot, in the order given; each is [label, start offset, end offset] within the slot. */
async function createIn(coviu: CoviuApi, slot: Slot, plan: readonly (readonly [string, number, number])[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [label, start, end] of plan) {
    const s = await coviu.mustCreate({ session_name: runName(label), start_time: iso(slot.at(start)), end_time: iso(slot.at(end)) });
    ids.set(label, s.session_id);
  }
  return ids;
}

test.describe('Coviu sessions: listing and paging', () => {
  test('a time window lists exactly the sessions that start in it, ordered by start', rules('coviu.list-time-window', 'coviu.list-time-window-order'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const from = slot.at(2 * MINUTE);
    const to = slot.at(6 * MINUTE);
    // Created out of start order, so an order by creation shows; `a` ends inside the window but starts before it.
    const ids = await createIn(coviu, slot, [
      ['c', 4 * MINUTE, 5 * MINUTE],
      ['e', 6 * MINUTE + SECOND, 7 * MINUTE],
      ['a', MINUTE, 3 * MINUTE],
      ['d', 6 * MINUTE, 8 * MINUTE],
      ['b', 2 * MINUTE, 9 * MINUTE],
    ]);
    const id = (label: string) => ids.get(label)!;
    const query = { start_time: iso(from), end_time: iso(to) };
    const forward = idsOf((await coviu.mustList(query)).content);
    const reverse = idsOf((await coviu.mustList({ ...query, order: 'reverse' })).content);
    await check('coviu.list-time-window', () => {
      const name = (x: string) => [...ids].find(([, v]) => v === x)?.[0] ?? x;
      expect(forward.map(name).sort(), `sessions starting in [${query.start_time}, ${query.end_time}]`).toEqual(['b', 'c', 'd']);
    });
    await check('coviu.list-time-window-order', () => {
      expect(forward, 'ordered by start time').toEqual([id('b'), id('c'), id('d')]);
      expect(reverse, 'order=reverse: latest start first').toEqual([id('d'), id('c'), id('b')]);
    });
  });

  test('without a time filter the list is in creation order, and order=reverse puts the newest first', rules('coviu.list-creation-order'), async ({ coviu, check, settings }) => {
    const slot = freshSlot();
    // Created in an order their start times do not follow.
    const ids = await createIn(coviu, slot, [
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
    if (!forward.complete) throw new HarnessError(`the sessions of this test are not within ${settings.maxListPages} pages of the end: raise COVIU_LIST_MAX_PAGES`);
    // Newest first: they are on the first page, unless the account is busy; stop once all three were seen.
    const reverse = await coviu.listAll({ include_canceled: true, order: 'reverse' }, settings.maxListPages, allSeen);
    await check('coviu.list-creation-order', () => {
      expect(mine(forward.sessions), 'default order: oldest created first').toEqual(created);
      expect(mine(reverse.sessions), 'order=reverse: newest created first').toEqual([...created].reverse());
    });
  });

  test('pages are disjoint and complete, `more` is right, and a page holds at most 200', rules('coviu.page-size-limit', 'coviu.paging-complete', 'coviu.paging-more-flag'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const n = 7;
    const plan = Array.from({ length: n }, (_, i) => [`page-${i}`, (i + 1) * 30 * SECOND, (i + 2) * 30 * SECOND] as const);
    await createIn(coviu, slot, plan);
    const window = slotQuery(slot);
    // The reference: one page of 200, the largest page the contract allows.
    const all = idsOf((await coviu.mustList({ ...window, page_size: 200 })).content);
    if (all.length !== n) throw new HarnessError(`the window of this test lists ${all.length} sessions, not the ${n} it created (see coviu.list-time-window)`);

    const byDefault = await coviu.mustList(window);
    const oversized = await coviu.listSessions({ ...window, page_size: 1000 });
    await check('coviu.page-size-limit', () => {
      expect(byDefault.content.length, `a page without page_size holds all ${n} (default 200)`).toBe(n);
      expect(byDefault.more, 'more on that page').toBe(false);
      if (byDefault.page_size !== undefined) expect(byDefault.page_size, 'page_size of the default page').toBeLessThanOrEqual(200);
      if (oversized.status === 200) {
        const page = oversized.json as Page<Session>;
        expect(page.content.length, 'page_size=1000').toBeLessThanOrEqual(200);
        if (page.page_size !== undefined) expect(page.page_size, 'page_size answered for page_size=1000 (max 200)').toBeLessThanOrEqual(200);
      } else {
        expect(oversized.status, 'page_size=1000 is capped or refused').toBeGreaterThanOrEqual(400);
        expect(oversized.status).toBeLessThan(500);
      }
    });

    for (const size of [3, n]) {
      // Walk as many pages as the reference needs, plus one that must be empty; `more` is checked, not trusted.
      const pages: Page<Session>[] = [];
      for (let page = 0; page <= Math.ceil(n / size); page++) pages.push(await coviu.mustList({ ...window, page_size: size, page }));
      await check('coviu.paging-complete', () => {
        pages.forEach((p, i) => expect(p.content.length, `page ${i} of size ${size}`).toBeLessThanOrEqual(size));
        expect(pages.flatMap((p) => idsOf(p.content)), `pages 0…${pages.length - 1} of size ${size}, joined`).toEqual(all);
      });
      await check('coviu.paging-more-flag', () => {
        expect(pages.map((p) => p.more), `more on pages 0…${pages.length - 1} of size ${size} (${n} sessions)`).toEqual(pages.map((_, i) => (i + 1) * size < n));
      });
    }
  });

  test('the state filter lists exactly the sessions with a participant in that state', rules('coviu.list-state-filter'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const alpha = `${RUN_ID}-alpha-${randomBytes(3).toString('hex')}`;
    const beta = `${RUN_ID}-beta-${randomBytes(3).toString('hex')}`;
    const ids = await createIn(coviu, slot, [
      ['alpha', MINUTE, 2 * MINUTE],
      ['beta', 2 * MINUTE, 3 * MINUTE],
      ['both', 3 * MINUTE, 4 * MINUTE],
      ['none', 4 * MINUTE, 5 * MINUTE],
    ]);
    const id = (label: string) => ids.get(label)!;
    await coviu.mustAdd(id('alpha'), { display_name: 'A', role: 'guest', state: alpha });
    await coviu.mustAdd(id('beta'), { display_name: 'B', role: 'guest', state: beta });
    await coviu.mustAdd(id('both'), { display_name: 'A', role: 'host', state: alpha });
    await coviu.mustAdd(id('both'), { display_name: 'B', role: 'guest', state: beta });
    await coviu.mustAdd(id('none'), { display_name: 'N', role: 'guest' });
    for (const [state, expected] of [[alpha, ['alpha', 'both']], [beta, ['beta', 'both']]] as const) {
      const listed = idsOf((await coviu.mustList({ ...slotQuery(slot), state })).content);
      await check('coviu.list-state-filter', () => {
        expect([...listed].sort(), `state=${state}`).toEqual(expected.map(id).sort());
      });
    }
  });
});
