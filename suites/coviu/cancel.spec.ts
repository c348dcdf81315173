import { HarnessError } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, is2xx, is4xx, isCanceledParticipant, isCanceledSession, participantIds, type Session } from './coviu-api';
import { freshSlot, iso, runName, slotQuery, type Slot } from './run-window';

const MINUTE = 60_000;

/** A scheduled session in a fresh slot, with one participant, canceled: what the rules about canceled sessions start from. */
async function canceledSession(coviu: CoviuApi, label: string): Promise<{ slot: Slot; session: Session; participantId: string }> {
  const slot = freshSlot();
  const session = await coviu.mustCreate({ session_name: runName(label), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
  const p = await coviu.mustAdd(session.session_id, { display_name: 'Before the cancel', role: 'guest' });
  const res = await coviu.cancelSession(session.session_id);
  if (!is2xx(res.status)) throw new HarnessError(`could not cancel a scheduled session to test with: DELETE answered ${res.status}`);
  return { slot, session, participantId: p.participant_id };
}

/** The session as the list shows it with canceled sessions and removed participants included. */
async function listedWithCanceled(coviu: CoviuApi, slot: Slot, id: string): Promise<Session | undefined> {
  const page = await coviu.mustList({ ...slotQuery(slot), include_canceled: true, deleted_participants: true });
  return page.content.find((s) => s.session_id === id);
}

test.describe('Coviu sessions: cancel', () => {
  test('a scheduled session can be canceled, and leaves the default list', rules('coviu.cancel-session', 'coviu.canceled-time-set'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const s = await coviu.mustCreate({ session_name: runName('cancel'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
    const before = await coviu.getSession(s.session_id);
    await check('coviu.canceled-time-set', () => {
      expect(isCanceledSession(before.json as Session), `canceled_time of a scheduled session: ${(before.json as Session).canceled_time}`).toBe(false);
    });
    const listedBefore = idsOf((await coviu.mustList(slotQuery(slot))).content);
    const res = await coviu.cancelSession(s.session_id);
    await check('coviu.cancel-session', () => {
      expect(listedBefore, 'listed before the cancel').toContain(s.session_id);
      expect(res.status, 'DELETE /sessions/{id}').toBe(200);
      expect(res.json, 'UnitResponse').toEqual(expect.objectContaining({ ok: true }));
    });
    const listedAfter = idsOf((await coviu.mustList(slotQuery(slot))).content);
    await check('coviu.cancel-session', () => {
      expect(listedAfter, 'the default list after the cancel').not.toContain(s.session_id);
    });
    const canceled = await listedWithCanceled(coviu, slot, s.session_id);
    await check('coviu.canceled-time-set', () => {
      expect(canceled, 'listed with include_canceled=true').toBeDefined();
      expect(Number.isNaN(Date.parse(canceled!.canceled_time ?? '')), `canceled_time: ${canceled!.canceled_time}`).toBe(false);
    });
  });

  test('canceled sessions are listed only with include_canceled=true', rules('coviu.list-include-canceled'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const kept = await coviu.mustCreate({ session_name: runName('kept'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
    const gone = await coviu.mustCreate({ session_name: runName('gone'), start_time: iso(slot.at(2 * MINUTE)), end_time: iso(slot.at(3 * MINUTE)) });
    const res = await coviu.cancelSession(gone.session_id);
    if (!is2xx(res.status)) throw new HarnessError(`could not cancel a scheduled session to test with: DELETE answered ${res.status}`);
    const byDefault = idsOf((await coviu.mustList(slotQuery(slot))).content);
    const withCanceled = idsOf((await coviu.mustList({ ...slotQuery(slot), include_canceled: true })).content);
    await check('coviu.list-include-canceled', () => {
      expect(byDefault, 'the default list').toEqual([kept.session_id]);
      expect([...withCanceled].sort(), 'the list with include_canceled=true').toEqual([kept.session_id, gone.session_id].sort());
    });
  });

  test('a canceled session takes no updates', rules('coviu.canceled-no-updates'), async ({ coviu, check }) => {
    const { slot, session } = await canceledSession(coviu, 'canceled-update');
    const res = await coviu.updateSession(session.session_id, { session_name: runName('changed after cancel'), end_time: iso(slot.at(3 * MINUTE)) });
    const after = await listedWithCanceled(coviu, slot, session.session_id);
    await check('coviu.canceled-no-updates', () => {
      expect(is4xx(res.status), `PUT of a canceled session answered ${res.status}`).toBe(true);
      expect(after?.session_name, 'name after the refused update').toBe(session.session_name);
      expect(Date.parse(after?.end_time ?? ''), 'end after the refused update').toBe(Date.parse(session.end_time));
    });
  });

  test('a canceled session takes no new participants', rules('coviu.canceled-no-new-participants'), async ({ coviu, check }) => {
    const { slot, session, participantId } = await canceledSession(coviu, 'canceled-add');
    const res = await coviu.addParticipant(session.session_id, { display_name: 'After the cancel', role: 'guest' });
    const after = await listedWithCanceled(coviu, slot, session.session_id);
    await check('coviu.canceled-no-new-participants', () => {
      expect(is4xx(res.status), `POST /sessions/{id}/participants of a canceled session answered ${res.status}`).toBe(true);
      expect(participantIds(after?.participants), 'participants after the refused add').toEqual([participantId]);
    });
  });

  test('participants of a canceled session cannot be canceled', rules('coviu.canceled-no-participant-removal'), async ({ coviu, check }) => {
    const { slot, session, participantId } = await canceledSession(coviu, 'canceled-remove');
    const res = await coviu.cancelParticipant(participantId);
    const after = await listedWithCanceled(coviu, slot, session.session_id);
    await check('coviu.canceled-no-participant-removal', () => {
      expect(is4xx(res.status), `DELETE /participants/{id} of a canceled session answered ${res.status}`).toBe(true);
      const p = after?.participants?.find((x) => x.participant_id === participantId);
      expect(p, 'the participant is still there').toBeDefined();
      expect(isCanceledParticipant(p!), `deleted_at: ${p!.deleted_at}`).toBe(false);
    });
  });

  test('a canceled session stays canceled, whatever comes after', rules('coviu.cancel-is-final'), async ({ coviu, check }) => {
    const { slot, session } = await canceledSession(coviu, 'canceled-final');
    await coviu.cancelSession(session.session_id);
    await coviu.updateSession(session.session_id, { start_time: iso(slot.at(3 * MINUTE)), end_time: iso(slot.at(4 * MINUTE)) });
    const byDefault = idsOf((await coviu.mustList(slotQuery(slot))).content);
    const withCanceled = idsOf((await coviu.mustList({ ...slotQuery(slot), include_canceled: true })).content);
    await check('coviu.cancel-is-final', () => {
      expect(byDefault, 'the default list after a second cancel and an update').not.toContain(session.session_id);
      expect(withCanceled, 'the list with include_canceled=true').toContain(session.session_id);
    });
  });
});
