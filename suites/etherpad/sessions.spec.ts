import { FORMS, listedIds, sessionRecord, unknownId, type Answer } from './etherpad-api';
import { expect, rules, test } from './fixtures';
import { createdGroup, createdSession, createdSessionId, newWorld } from './steps';

type Created = { sessionID?: unknown } | null;

for (const form of FORMS) {
  test.describe(`Etherpad sessions by ${form}`, () => {
    test(`createSession answers a sessionID and getSessionInfo gives back what was sent (${form})`, rules(
      'etherpad.create-returns-session-id', 'etherpad.session-info-round-trip', 'etherpad.session-info-wrapped', 'etherpad.code-0-http-200',
      'etherpad.response-schema', 'etherpad.json-content-type', 'etherpad.status-documented',
    ), async ({ etherpad, check, need }) => {
      const world = await newWorld(etherpad, 'round-trip');
      const validUntil = etherpad.validUntilIn(3600);
      const created = await etherpad.call('createSession', form, { ...world, validUntil });
      const sessionID = await need('etherpad.create-returns-session-id', () => createdSessionId(created, `createSession (${form})`));
      const info = await etherpad.call('getSessionInfo', form, { sessionID });
      await check('etherpad.session-info-round-trip', () => {
        expect(info.code, 'code of getSessionInfo').toBe(0);
        const record = sessionRecord(info.data);
        // validUntil comes back as the integer that was sent: equal as a number, so no string and no fraction.
        expect(record, 'the session record (data.info, or data as http_api.md shows it)').toMatchObject({ ...world, validUntil });
      });
      await check('etherpad.session-info-wrapped', () => {
        expect((info.data as { info?: unknown } | null)?.info, 'data.info of getSessionInfo').toEqual({ id: sessionID, ...world, validUntil });
      });
    });

    test(`deleteSession answers code 0, then the session is unknown (${form})`, rules(
      'etherpad.delete-session-ok', 'etherpad.deleted-session-refused',
    ), async ({ etherpad, check, need }) => {
      const world = await newWorld(etherpad, 'delete');
      const sessionID = await createdSession(etherpad, need, world, form);
      const deleted = await etherpad.call('deleteSession', form, { sessionID });
      // Whether a deleted session is refused can only be asked of one that was deleted.
      await need('etherpad.delete-session-ok', () => expect(deleted.code, `code of deleteSession (${form}): ${JSON.stringify(deleted.message)}`).toBe(0));
      await check('etherpad.delete-session-ok', () => {
        expect(deleted.data, 'data of deleteSession').toBeNull();
      });
      const info = await etherpad.call('getSessionInfo', form, { sessionID });
      const again = await etherpad.call('deleteSession', form, { sessionID });
      await check('etherpad.deleted-session-refused', () => {
        expect(info.code, 'getSessionInfo of the deleted session').toBe(1);
        expect(again.code, 'a second deleteSession of it').toBe(1);
      });
    });

    test(`getSessionInfo and deleteSession of an unknown or missing sessionID answer code 1 (${form})`, rules(
      'etherpad.unknown-session-refused', 'etherpad.code-1-http-400',
    ), async ({ etherpad, check }) => {
      for (const sessionID of [unknownId('s.'), undefined]) {
        const info = await etherpad.call('getSessionInfo', form, { sessionID });
        const del = await etherpad.call('deleteSession', form, { sessionID });
        await check('etherpad.unknown-session-refused', () => {
          const what = sessionID === undefined ? 'no sessionID' : `unknown sessionID ${sessionID}`;
          expect(info.code, `getSessionInfo with ${what}`).toBe(1);
          expect(del.code, `deleteSession with ${what}`).toBe(1);
        });
      }
    });

    test(`createSession with an unknown or missing groupID answers code 1 (${form})`, rules(
      'etherpad.unknown-group-refused', 'etherpad.code-1-http-400',
    ), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'unknown-group');
      const deletedGroup = await createdGroup(etherpad);
      await etherpad.deleteGroup(deletedGroup);
      for (const [what, groupID] of [['an unknown', unknownId('g.')], ['a deleted', deletedGroup], ['no', undefined]] as const) {
        const a = await etherpad.call('createSession', form, { groupID, authorID: world.authorID, validUntil: etherpad.validUntilIn() });
        await check('etherpad.unknown-group-refused', () => {
          expect(a.code, `createSession with ${what} groupID`).toBe(1);
        });
      }
    });

    test(`createSession with an unknown or missing authorID answers code 1 and creates nothing (${form})`, rules(
      'etherpad.unknown-author-refused', 'etherpad.refused-create-leaves-nothing',
    ), async ({ etherpad, check }) => {
      const world = await newWorld(etherpad, 'unknown-author');
      const accepted: string[] = [];
      for (const [what, authorID] of [['an unknown', unknownId('a.')], ['no', undefined]] as const) {
        const a = await etherpad.call('createSession', form, { groupID: world.groupID, authorID, validUntil: etherpad.validUntilIn() });
        if (a.code === 0) accepted.push(String((a.data as Created)?.sessionID));
        await check('etherpad.unknown-author-refused', () => {
          expect(a.code, `createSession with ${what} authorID`).toBe(1);
        });
      }
      const listed = await etherpad.call('listSessionsOfGroup', 'GET', { groupID: world.groupID });
      await check('etherpad.refused-create-leaves-nothing', () => {
        expect(listed.code, 'listSessionsOfGroup of the test\'s group').toBe(0);
        expect(listedIds(listed.data), 'sessions of the group').toEqual(accepted.sort());
      });
    });
  });
}

test.describe('Etherpad sessions: POST bodies', () => {
  test('POST reads form and JSON bodies, and a body field wins over the query', rules('etherpad.post-body-precedence'), async ({ etherpad, check, need }) => {
    const world = await newWorld(etherpad, 'post-body');
    const validUntil = etherpad.validUntilIn();
    for (const placement of ['form', 'json'] as const) {
      const a = await etherpad.call('createSession', 'POST', { ...world, validUntil }, { placement });
      await check('etherpad.post-body-precedence', () => {
        expect(a.code, `createSession with groupID, authorID and validUntil in a ${placement} body`).toBe(0);
      });
    }
    const sessionID = await createdSession(etherpad, need, world);
    const bodyKnown = await etherpad.call('getSessionInfo', 'POST', { sessionID }, { placement: 'form', query: { sessionID: unknownId('s.') } });
    const bodyUnknown = await etherpad.call('getSessionInfo', 'POST', { sessionID: unknownId('s.') }, { placement: 'json', query: { sessionID } });
    await check('etherpad.post-body-precedence', () => {
      expect(bodyKnown.code, 'getSessionInfo: an unknown id in the query, the session\'s id in a form body').toBe(0);
      expect(sessionRecord(bodyKnown.data), 'the record of the session named in the body').toMatchObject(world);
      expect(bodyUnknown.code, 'getSessionInfo: the session\'s id in the query, an unknown id in a JSON body').toBe(1);
    });
  });
});

test.describe('Etherpad sessions: deleteGroup', () => {
  test('deleteGroup removes the group\'s sessions and leaves the author\'s listing intact', rules('etherpad.delete-group-cleans-sessions'), async ({ etherpad, check, need }) => {
    // Several sessions of one author in the group: Etherpad 1.8.14 loses index updates when it deletes them.
    const world = await newWorld(etherpad, 'delete-group');
    const inGroup = [await createdSession(etherpad, need, world), await createdSession(etherpad, need, world), await createdSession(etherpad, need, world)];
    const otherGroup = await createdGroup(etherpad);
    const elsewhere = await createdSession(etherpad, need, { groupID: otherGroup, authorID: world.authorID });
    const deleted = await etherpad.deleteGroup(world.groupID);
    const infos: Answer[] = [];
    for (const sessionID of inGroup) infos.push(await etherpad.call('getSessionInfo', 'GET', { sessionID }));
    const ofAuthor = await etherpad.call('listSessionsOfAuthor', 'GET', { authorID: world.authorID });
    await check('etherpad.delete-group-cleans-sessions', () => {
      expect(deleted.code, 'deleteGroup').toBe(0);
      expect(infos.map((i) => i.code), 'getSessionInfo of the group\'s sessions').toEqual(inGroup.map(() => 1));
      expect(ofAuthor.code, `listSessionsOfAuthor after deleteGroup (${JSON.stringify(ofAuthor.message)})`).toBe(0);
      expect(listedIds(ofAuthor.data), 'the author\'s sessions: only the one in the other group').toEqual([elsewhere]);
    });
  });
});
