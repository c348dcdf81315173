import { randomBytes } from 'node:crypto';
import type { RuleRecorder } from '../../harness/rules/recorder';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, type Participant, participantIds, type Session } from './coviu-api';
import { freshSlot, iso, runName } from './run-window';
import { addedParticipant, addedParticipantOf, createdSession, pageOf, participantOf, sessionOf } from './steps';

const MINUTE = 60_000;
const AVATAR = 'https://session-conformance.invalid/avatar.png';

async function scheduledSession(coviu: CoviuApi, need: RuleRecorder['need'], label: string): Promise<Session> {
  const slot = freshSlot();
  return createdSession(coviu, need, { session_name: runName(label), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
}

test.describe('Coviu participants', () => {
  test('a participant added to a scheduled session is answered, readable by id and listed', rules('coviu.participant-add'), async ({ coviu, check, need }) => {
    const s = await scheduledSession(coviu, need, 'add');
    const body = { display_name: 'Guest One', role: 'guest', picture: AVATAR, state: `add-${randomBytes(3).toString('hex')}` };
    const res = await coviu.addParticipant(s.session_id, body);
    // What follows reads the participant back: it needs the id the add answered.
    const p = await need('coviu.participant-add', () => addedParticipantOf(res, 'POST /sessions/{id}/participants'));
    await check('coviu.participant-add', () => {
      expect(p, 'the participant as sent').toMatchObject({ display_name: body.display_name, picture: AVATAR, state: body.state });
      if (p.session_id !== undefined) expect(p.session_id, 'session_id').toBe(s.session_id);
    });
    const byId = await coviu.getParticipant(p.participant_id);
    const inSession = await coviu.getSession(s.session_id);
    const listed = await coviu.listParticipants(s.session_id);
    await check('coviu.participant-add', () => {
      expect(participantOf(byId, 'GET /participants/{id}')).toMatchObject({ participant_id: p.participant_id, display_name: body.display_name });
      expect(participantIds(sessionOf(inSession, 'GET /sessions/{id}').participants), 'participants of GET /sessions/{id}').toEqual([p.participant_id]);
      expect(participantIds(pageOf<Participant>(listed, 'GET /sessions/{id}/participants').content), 'GET /sessions/{id}/participants').toEqual([p.participant_id]);
    });
  });

  test('roles are accepted in any case and answered in upper case', rules('coviu.participant-role-case'), async ({ coviu, check, need }) => {
    const s = await scheduledSession(coviu, need, 'roles');
    const host = await addedParticipant(coviu, need, s.session_id, { display_name: 'Host', role: 'host' });
    const guest = await addedParticipant(coviu, need, s.session_id, { display_name: 'Guest', role: 'Guest' });
    const updated = await coviu.updateParticipant(host.participant_id, { role: 'gUeSt' });
    await check('coviu.participant-role-case', () => {
      expect(host.role, 'role "host"').toBe('HOST');
      expect(guest.role, 'role "Guest"').toBe('GUEST');
      expect(participantOf(updated, 'PUT role "gUeSt"').role, 'role "gUeSt"').toBe('GUEST');
    });
  });

  test('a participant update changes name, role, picture and state, and the change persists', rules('coviu.participant-update'), async ({ coviu, check, need }) => {
    const s = await scheduledSession(coviu, need, 'participant-update');
    const p = await addedParticipant(coviu, need, s.session_id, { display_name: 'Before', role: 'guest', state: 'before' });
    const changes = { display_name: 'After', role: 'host', picture: AVATAR, state: `after-${randomBytes(3).toString('hex')}` };
    const res = await coviu.updateParticipant(p.participant_id, changes);
    const expectChanged = (x: Participant, what: string) => {
      expect(x.participant_id, what).toBe(p.participant_id);
      expect({ display_name: x.display_name, role: x.role?.toLowerCase(), picture: x.picture, state: x.state }, what).toEqual(changes);
    };
    await check('coviu.participant-update', () => expectChanged(participantOf(res, 'PUT /participants/{id}'), 'PUT answer'));
    const read = await coviu.getParticipant(p.participant_id);
    await check('coviu.participant-update', () => expectChanged(participantOf(read, 'GET after PUT'), 'GET after PUT'));
  });

  test('a canceled participant is hidden, and shown again with deleted_participants=true', rules('coviu.participant-cancel', 'coviu.deleted-participants-shown'), async ({ coviu, check, need, recorder }) => {
    const s = await scheduledSession(coviu, need, 'participant-cancel');
    const leaving = await addedParticipant(coviu, need, s.session_id, { display_name: 'Leaving', role: 'guest' });
    const staying = await addedParticipant(coviu, need, s.session_id, { display_name: 'Staying', role: 'host' });
    const res = await coviu.cancelParticipant(leaving.participant_id);
    await check('coviu.participant-cancel', () => {
      expect(res.status, 'DELETE /participants/{id}').toBe(200);
      expect(res.json, 'UnitResponse').toEqual(expect.objectContaining({ ok: true }));
    });
    // How a canceled participant is shown can only be asked of one the server canceled.
    if (res.status < 200 || res.status > 299) recorder.block('coviu.participant-cancel', `DELETE /participants/${leaving.participant_id} answered ${res.status}: the participant was not canceled`);
    const inSession = await coviu.getSession(s.session_id);
    const listed = await coviu.listParticipants(s.session_id);
    await check('coviu.participant-cancel', () => {
      expect(participantIds(sessionOf(inSession, 'GET /sessions/{id}').participants), 'participants of GET /sessions/{id}').toEqual([staying.participant_id]);
      expect(participantIds(pageOf<Participant>(listed, 'GET /sessions/{id}/participants').content), 'GET /sessions/{id}/participants').toEqual([staying.participant_id]);
    });
    const inSessionAll = await coviu.getSession(s.session_id, { deleted_participants: true });
    const listedAll = await coviu.listParticipants(s.session_id, { deleted_participants: true });
    const views = [
      ['GET /sessions/{id}?deleted_participants=true', () => sessionOf(inSessionAll, 'GET /sessions/{id}?deleted_participants=true').participants],
      ['GET /sessions/{id}/participants?deleted_participants=true', () => pageOf<Participant>(listedAll, 'GET /sessions/{id}/participants?deleted_participants=true').content],
    ] as const;
    for (const [what, participantsOf] of views) {
      await check('coviu.deleted-participants-shown', () => {
        const ps = participantsOf();
        expect([...participantIds(ps)].sort(), what).toEqual([leaving.participant_id, staying.participant_id].sort());
        const gone = (ps ?? []).find((p) => p.participant_id === leaving.participant_id);
        expect(gone?.deleted_at, `${what}: deleted_at of the canceled participant`).toEqual(expect.stringMatching(/./));
      });
    }
  });
});
