import type { ApiResponse } from '../../harness/http/contract-client';
import type { RuleRecorder } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, participantIds, type Session } from './coviu-api';
import { freshSlot, iso, runName, slotQuery, type Slot } from './run-window';
import { addedParticipant, canceledSession, createdSession, expect4xx, pageOf, sessionOf, UNSET } from './steps';

const MINUTE = 60_000;

/** A scheduled session in a fresh slot, with one participant, canceled: what the rules about canceled sessions start from. */
async function canceledWithParticipant(coviu: CoviuApi, need: RuleRecorder['need'], label: string): Promise<{ slot: Slot; session: Session; participantId: string }> {
  const slot = freshSlot();
  const session = await createdSession(coviu, need, { session_name: runName(label), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
  const p = await addedParticipant(coviu, need, session.session_id, { display_name: 'Before the cancel', role: 'guest' });
  await canceledSession(coviu, need, session.session_id);
  return { slot, session, participantId: p.participant_id };
}

/** The slot's list with canceled sessions and removed participants included. */
function listWithCanceled(coviu: CoviuApi, slot: Slot): Promise<ApiResponse> {
  return coviu.listSessions({ ...slotQuery(slot), include_canceled: true, deleted_participants: true });
}

/** The session as that list shows it, asserting the list answered (a failed list never reads as "unchanged"). */
function listedIn(res: ApiResponse, id: string): Session | undefined {
  return pageOf<Session>(res, 'GET /sessions?include_canceled=true&deleted_participants=true').content.find((s) => s.session_id === id);
}

test.describe('Coviu sessions: cancel', () => {
  test('a scheduled session can be canceled, and leaves the default list', rules('coviu.cancel-session', 'coviu.canceled-time-set'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const s = await createdSession(coviu, need, { session_name: runName('cancel'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
    const before = await coviu.getSession(s.session_id);
    await check('coviu.canceled-time-set', () => {
      expect(UNSET, 'canceled_time of a scheduled session').toContain(sessionOf(before, 'GET /sessions/{id} before the cancel').canceled_time);
    });
    const listedBefore = await coviu.listSessions(slotQuery(slot));
    const res = await coviu.cancelSession(s.session_id);
    await check('coviu.cancel-session', () => {
      expect(idsOf(pageOf<Session>(listedBefore, 'GET /sessions before the cancel').content), 'listed before the cancel').toContain(s.session_id);
      expect(res.status, 'DELETE /sessions/{id}').toBe(200);
      expect(res.json, 'UnitResponse').toEqual(expect.objectContaining({ ok: true }));
    });
    const listedAfter = await coviu.listSessions(slotQuery(slot));
    await check('coviu.cancel-session', () => {
      expect(idsOf(pageOf<Session>(listedAfter, 'GET /sessions after the cancel').content), 'the default list after the cancel').not.toContain(s.session_id);
    });
    const canceled = await listWithCanceled(coviu, slot);
    await check('coviu.canceled-time-set', () => {
      const listed = listedIn(canceled, s.session_id);
      expect(listed, 'listed with include_canceled=true').toBeDefined();
      expect(Date.parse(listed!.canceled_time ?? ''), `canceled_time: ${listed!.canceled_time}`).not.toBeNaN();
    });
  });

  test('canceled sessions are listed only with include_canceled=true', rules('coviu.list-include-canceled'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const kept = await createdSession(coviu, need, { session_name: runName('kept'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
    const gone = await createdSession(coviu, need, { session_name: runName('gone'), start_time: iso(slot.at(2 * MINUTE)), end_time: iso(slot.at(3 * MINUTE)) });
    await canceledSession(coviu, need, gone.session_id);
    const byDefault = await coviu.listSessions(slotQuery(slot));
    const withCanceled = await coviu.listSessions({ ...slotQuery(slot), include_canceled: true });
    await check('coviu.list-include-canceled', () => {
      expect(idsOf(pageOf<Session>(byDefault, 'GET /sessions').content), 'the default list').toEqual([kept.session_id]);
      expect(idsOf(pageOf<Session>(withCanceled, 'GET /sessions?include_canceled=true').content).sort(), 'the list with include_canceled=true').toEqual([kept.session_id, gone.session_id].sort());
    });
  });

  test('a canceled session takes no updates', rules('coviu.canceled-no-updates'), async ({ coviu, check, need }) => {
    const { slot, session } = await canceledWithParticipant(coviu, need, 'canceled-update');
    const res = await coviu.updateSession(session.session_id, { session_name: runName('changed after cancel'), end_time: iso(slot.at(3 * MINUTE)) });
    const after = await listWithCanceled(coviu, slot);
    await check('coviu.canceled-no-updates', () => {
      expect4xx(res, 'PUT of a canceled session');
      const listed = listedIn(after, session.session_id);
      expect(listed?.session_name, 'name after the refused update').toBe(session.session_name);
      expect(Date.parse(listed?.end_time ?? ''), 'end after the refused update').toBe(Date.parse(session.end_time));
    });
  });

  test('a canceled session takes no new participants', rules('coviu.canceled-no-new-participants'), async ({ coviu, check, need }) => {
    const { slot, session, participantId } = await canceledWithParticipant(coviu, need, 'canceled-add');
    const res = await coviu.addParticipant(session.session_id, { display_name: 'After the cancel', role: 'guest' });
    const after = await listWithCanceled(coviu, slot);
    await check('coviu.canceled-no-new-participants', () => {
      expect4xx(res, 'POST /sessions/{id}/participants of a canceled session');
      expect(participantIds(listedIn(after, session.session_id)?.participants), 'participants after the refused add').toEqual([participantId]);
    });
  });

  test('participants of a canceled session cannot be canceled', rules('coviu.canceled-no-participant-removal'), async ({ coviu, check, need }) => {
    const { slot, session, participantId } = await canceledWithParticipant(coviu, need, 'canceled-remove');
    const res = await coviu.cancelParticipant(participantId);
    const after = await listWithCanceled(coviu, slot);
    await check('coviu.canceled-no-participant-removal', () => {
      expect4xx(res, 'DELETE /participants/{id} of a canceled session');
      const p = listedIn(after, session.session_id)?.participants?.find((x) => x.participant_id === participantId);
      expect(p, 'the participant is still there').toBeDefined();
      expect(UNSET, 'deleted_at of the participant after the refused cancel').toContain(p!.deleted_at);
    });
  });

  test('a canceled session stays canceled, whatever comes after', rules('coviu.cancel-is-final'), async ({ coviu, check, need }) => {
    const { slot, session } = await canceledWithParticipant(coviu, need, 'canceled-final');
    await coviu.cancelSession(session.session_id);
    await coviu.updateSession(session.session_id, { start_time: iso(slot.at(3 * MINUTE)), end_time: iso(slot.at(4 * MINUTE)) });
    const byDefault = await coviu.listSessions(slotQuery(slot));
    const withCanceled = await coviu.listSessions({ ...slotQuery(slot), include_canceled: true });
    await check('coviu.cancel-is-final', () => {
      expect(idsOf(pageOf<Session>(byDefault, 'GET /sessions').content), 'the default list after a second cancel and an update').not.toContain(session.session_id);
      expect(idsOf(pageOf<Session>(withCanceled, 'GET /sessions?include_canceled=true').content), 'the list with include_canceled=true').toContain(session.session_id);
    });
  });
});
