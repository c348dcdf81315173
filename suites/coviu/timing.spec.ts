import type { RuleRecorder } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, type Participant, participantIds, type Session, type TimedResponse } from './coviu-api';
import { iso, runName } from './run-window';
import { addedParticipant, addedParticipantOf, createdSession, expect4xx, pageOf, participantOf, sessionOf, UNSET } from './steps';
import type { Schedule, Timeline } from './timeline';

/** A session a few seconds ahead on the target's clock (COVIU_START_LEAD_MS, COVIU_SESSION_DURATION_MS). */
async function soonSession(coviu: CoviuApi, timeline: Timeline, need: RuleRecorder['need'], label: string): Promise<{ schedule: Schedule; session: Session }> {
  await coviu.sampleClock();
  const schedule = timeline.next();
  const session = await createdSession(coviu, need, { session_name: runName(label), start_time: iso(schedule.startMs), end_time: iso(schedule.endMs) });
  return { schedule, session };
}

/** The default list (not canceled) at the session's exact start, so a live account's other sessions do not matter. */
function listedAtItsStart(coviu: CoviuApi, s: Session): Promise<TimedResponse> {
  return coviu.listSessions({ start_time: s.start_time, end_time: s.start_time });
}

/** Asserts the session is in that list, as a list: a failed list never reads as "listed" or "not listed". */
function expectListedUncanceled(res: TimedResponse, s: Session): void {
  expect(idsOf(pageOf<Session>(res, `GET /sessions?start_time=${s.start_time}&end_time=${s.start_time}`).content), 'the session is still listed as not canceled').toContain(s.session_id);
}

// Real time passes in these tests: they run side by side, each waiting for its own session.
test.describe('Coviu sessions on the clock', () => {
  test('a session that has started cannot be canceled, but still takes participants', rules('coviu.cancel-started-refused', 'coviu.participant-add-after-start'), async ({ coviu, timeline, check, need }) => {
    const { schedule, session } = await soonSession(coviu, timeline, need, 'started');
    await timeline.waitFor(schedule, 'started');
    const cancel = await coviu.cancelSession(session.session_id);
    timeline.expectWithin(schedule, 'started', cancel, 'DELETE /sessions/{id}');
    await check('coviu.cancel-started-refused', () => expect4xx(cancel, 'DELETE of a started session'));
    const add = await coviu.addParticipant(session.session_id, { display_name: 'Joins late', role: 'guest' });
    timeline.expectWithin(schedule, 'started', add, 'POST /sessions/{id}/participants');
    const added = await check('coviu.participant-add-after-start', () => {
      addedParticipantOf(add, 'POST /sessions/{id}/participants of a started session');
    });
    const stillListed = await listedAtItsStart(coviu, session);
    await check('coviu.cancel-started-refused', () => expectListedUncanceled(stillListed, session));
    // Whether the participant is listed is asked only of one the add answered.
    if (added) {
      const listed = await coviu.listParticipants(session.session_id);
      await check('coviu.participant-add-after-start', () => {
        expect(participantIds(pageOf<Participant>(listed, 'GET /sessions/{id}/participants').content), 'participants of the started session').toContain((add.json as Participant).participant_id);
      });
    }
  });

  test('a finished session takes no change, no participant, no participant cancel and no cancel', rules('coviu.finished-session-frozen', 'coviu.participant-add-after-finish-refused', 'coviu.participant-cancel-after-finish-refused', 'coviu.cancel-started-refused'), async ({ coviu, timeline, check, need }) => {
    const { schedule, session } = await soonSession(coviu, timeline, need, 'finished');
    const p = await addedParticipant(coviu, need, session.session_id, { display_name: 'Was there', role: 'host' });
    await timeline.waitFor(schedule, 'finished');

    const update = await coviu.updateSession(session.session_id, { session_name: runName('changed after the end') });
    const read = await coviu.getSession(session.session_id);
    await check('coviu.finished-session-frozen', () => {
      expect4xx(update, 'PUT of a finished session');
      expect(sessionOf(read, 'GET /sessions/{id} after the refused update').session_name, 'name after the refused update').toBe(session.session_name);
    });

    const add = await coviu.addParticipant(session.session_id, { display_name: 'Too late', role: 'guest' });
    const everyone = await coviu.listParticipants(session.session_id, { deleted_participants: true });
    await check('coviu.participant-add-after-finish-refused', () => {
      expect4xx(add, 'POST /sessions/{id}/participants of a finished session');
      expect(participantIds(pageOf<Participant>(everyone, 'GET /sessions/{id}/participants?deleted_participants=true').content), 'participants after the refused add').toEqual([p.participant_id]);
    });

    const remove = await coviu.cancelParticipant(p.participant_id);
    const stayed = await coviu.getParticipant(p.participant_id);
    await check('coviu.participant-cancel-after-finish-refused', () => {
      expect4xx(remove, 'DELETE /participants/{id} of a finished session');
      // Read back as a participant: a read that fails does not show that it stayed.
      expect(UNSET, 'deleted_at after the refused cancel').toContain(participantOf(stayed, 'GET /participants/{id} after the refused cancel').deleted_at);
    });

    const cancel = await coviu.cancelSession(session.session_id);
    const stillListed = await listedAtItsStart(coviu, session);
    await check('coviu.cancel-started-refused', () => {
      expect4xx(cancel, 'DELETE of a finished session');
      expectListedUncanceled(stillListed, session);
    });
  });
});
