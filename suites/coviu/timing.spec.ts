import { expect, rules, test } from './fixtures';
import { type CoviuApi, idsOf, is2xx, is4xx, isCanceledParticipant, type Page, type Participant, participantIds, type Session } from './coviu-api';
import { iso, runName } from './run-window';
import type { Schedule, Timeline } from './timeline';

/** A session a few seconds ahead on the target's clock (COVIU_START_LEAD_MS, COVIU_SESSION_DURATION_MS). */
async function soonSession(coviu: CoviuApi, timeline: Timeline, label: string): Promise<{ schedule: Schedule; session: Session }> {
  await coviu.sampleClock();
  const schedule = timeline.next();
  const session = await coviu.mustCreate({ session_name: runName(label), start_time: iso(schedule.startMs), end_time: iso(schedule.endMs) });
  return { schedule, session };
}

/** Is the session in the default list (not canceled)? Looked up by its exact start, so a live account's other sessions do not matter. */
async function listedUncanceled(coviu: CoviuApi, s: Session): Promise<boolean> {
  const page = await coviu.mustList({ start_time: s.start_time, end_time: s.start_time });
  return idsOf(page.content).includes(s.session_id);
}

// Real time passes in these tests: they run side by side, each waiting for its own session.
test.describe('Coviu sessions on the clock', () => {
  test('a session that has started cannot be canceled, but still takes participants', rules('coviu.cancel-started-refused', 'coviu.participant-add-after-start'), async ({ coviu, timeline, check }) => {
    const { schedule, session } = await soonSession(coviu, timeline, 'started');
    await timeline.waitFor(schedule, 'started');
    const cancel = await coviu.cancelSession(session.session_id);
    timeline.expectWithin(schedule, 'started', cancel, 'DELETE /sessions/{id}');
    await check('coviu.cancel-started-refused', () => {
      expect(is4xx(cancel.status), `DELETE of a started session answered ${cancel.status}`).toBe(true);
    });
    const add = await coviu.addParticipant(session.session_id, { display_name: 'Joins late', role: 'guest' });
    timeline.expectWithin(schedule, 'started', add, 'POST /sessions/{id}/participants');
    await check('coviu.participant-add-after-start', () => {
      expect(is2xx(add.status), `POST /sessions/{id}/participants of a started session answered ${add.status}`).toBe(true);
    });
    const stillListed = await listedUncanceled(coviu, session);
    await check('coviu.cancel-started-refused', () => {
      expect(stillListed, 'the session is still listed as not canceled').toBe(true);
    });
    const listed = (await coviu.listParticipants(session.session_id)).json as Page<Participant>;
    await check('coviu.participant-add-after-start', () => {
      expect(participantIds(listed.content), 'participants of the started session').toContain((add.json as Participant).participant_id);
    });
  });

  test('a finished session takes no change, no participant, no participant cancel and no cancel', rules('coviu.finished-session-frozen', 'coviu.participant-add-after-finish-refused', 'coviu.participant-cancel-after-finish-refused', 'coviu.cancel-started-refused'), async ({ coviu, timeline, check }) => {
    const { schedule, session } = await soonSession(coviu, timeline, 'finished');
    const p = await coviu.mustAdd(session.session_id, { display_name: 'Was there', role: 'host' });
    await timeline.waitFor(schedule, 'finished');

    const update = await coviu.updateSession(session.session_id, { session_name: runName('changed after the end') });
    const read = (await coviu.getSession(session.session_id)).json as Session;
    await check('coviu.finished-session-frozen', () => {
      expect(is4xx(update.status), `PUT of a finished session answered ${update.status}`).toBe(true);
      expect(read.session_name, 'name after the refused update').toBe(session.session_name);
    });

    const add = await coviu.addParticipant(session.session_id, { display_name: 'Too late', role: 'guest' });
    const everyone = (await coviu.listParticipants(session.session_id, { deleted_participants: true })).json as Page<Participant>;
    await check('coviu.participant-add-after-finish-refused', () => {
      expect(is4xx(add.status), `POST /sessions/{id}/participants of a finished session answered ${add.status}`).toBe(true);
      expect(participantIds(everyone.content), 'participants after the refused add').toEqual([p.participant_id]);
    });

    const remove = await coviu.cancelParticipant(p.participant_id);
    const stayed = (await coviu.getParticipant(p.participant_id)).json as Participant;
    await check('coviu.participant-cancel-after-finish-refused', () => {
      expect(is4xx(remove.status), `DELETE /participants/{id} of a finished session answered ${remove.status}`).toBe(true);
      expect(isCanceledParticipant(stayed), `deleted_at after the refused cancel: ${stayed.deleted_at}`).toBe(false);
    });

    const cancel = await coviu.cancelSession(session.session_id);
    const stillListed = await listedUncanceled(coviu, session);
    await check('coviu.cancel-started-refused', () => {
      expect(is4xx(cancel.status), `DELETE of a finished session answered ${cancel.status}`).toBe(true);
      expect(stillListed, 'the session is still listed as not canceled').toBe(true);
    });
  });
});
