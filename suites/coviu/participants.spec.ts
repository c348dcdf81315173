import { randomBytes } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { type CoviuApi, is2xx, isCanceledParticipant, type Page, type Participant, participantIds, type Session } from './coviu-api';
import { freshSlot, iso, runName } from './run-window';

const MINUTE = 60_000;
const AVATAR = 'https://session-conformance.invalid/avatar.png';

async function scheduledSession(coviu: CoviuApi, label: string): Promise<Session> {
  const slot = freshSlot();
  return coviu.mustCreate({ session_name: runName(label), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
}

test.describe('Coviu participants', () => {
  test('a participant added to a scheduled session is answered, readable by id and listed', rules('coviu.participant-add'), async ({ coviu, check }) => {
    const s = await scheduledSession(coviu, 'add');
    const body = { display_name: 'Guest One', role: 'guest', picture: AVATAR, state: `add-${randomBytes(3).toString('hex')}` };
    const res = await coviu.addParticipant(s.session_id, body);
    const p = res.json as Participant;
    await check('coviu.participant-add', () => {
      expect(is2xx(res.status), `POST /sessions/{id}/participants answered ${res.status}`).toBe(true);
      expect(p.participant_id, 'participant_id').toEqual(expect.any(String));
      expect(p, 'the participant as sent').toMatchObject({ display_name: body.display_name, picture: AVATAR, state: body.state });
      if (p.session_id !== undefined) expect(p.session_id, 'session_id').toBe(s.session_id);
    });
    const byId = await coviu.getParticipant(p.participant_id);
    const inSession = (await coviu.getSession(s.session_id)).json as Session;
    const listed = (await coviu.listParticipants(s.session_id)).json as Page<Participant>;
    await check('coviu.participant-add', () => {
      expect(byId.status, 'GET /participants/{id}').toBe(200);
      expect(byId.json as Participant).toMatchObject({ participant_id: p.participant_id, display_name: body.display_name });
      expect(participantIds(inSession.participants), 'participants of GET /sessions/{id}').toEqual([p.participant_id]);
      expect(participantIds(listed.content), 'GET /sessions/{id}/participants').toEqual([p.participant_id]);
    });
  });

  test('roles are accepted in any case and answered in upper case', rules('coviu.participant-role-case'), async ({ coviu, check }) => {
    const s = await scheduledSession(coviu, 'roles');
    const host = await coviu.mustAdd(s.session_id, { display_name: 'Host', role: 'host' });
    const guest = await coviu.mustAdd(s.session_id, { display_name: 'Guest', role: 'Guest' });
    const updated = await coviu.updateParticipant(host.participant_id, { role: 'gUeSt' });
    await check('coviu.participant-role-case', () => {
      expect(host.role, 'role "host"').toBe('HOST');
      expect(guest.role, 'role "Guest"').toBe('GUEST');
      expect(updated.status, 'PUT role "gUeSt"').toBe(200);
      expect((updated.json as Participant).role, 'role "gUeSt"').toBe('GUEST');
    });
  });

  test('a participant update changes name, role, picture and state, and the change persists', rules('coviu.participant-update'), async ({ coviu, check }) => {
    const s = await scheduledSession(coviu, 'participant-update');
    const p = await coviu.mustAdd(s.session_id, { display_name: 'Before', role: 'guest', state: 'before' });
    const changes = { display_name: 'After', role: 'host', picture: AVATAR, state: `after-${randomBytes(3).toString('hex')}` };
    const res = await coviu.updateParticipant(p.participant_id, changes);
    const expectChanged = (x: Participant, what: string) => {
      expect(x.participant_id, what).toBe(p.participant_id);
      expect({ display_name: x.display_name, role: x.role?.toLowerCase(), picture: x.picture, state: x.state }, what).toEqual(changes);
    };
    await check('coviu.participant-update', () => {
      expect(res.status, 'PUT /participants/{id}').toBe(200);
      expectChanged(res.json as Participant, 'PUT answer');
    });
    const read = await coviu.getParticipant(p.participant_id);
    await check('coviu.participant-update', () => expectChanged(read.json as Participant, 'GET after PUT'));
  });

  test('a canceled participant is hidden, and shown again with deleted_participants=true', rules('coviu.participant-cancel', 'coviu.deleted-participants-shown'), async ({ coviu, check }) => {
    const s = await scheduledSession(coviu, 'participant-cancel');
    const leaving = await coviu.mustAdd(s.session_id, { display_name: 'Leaving', role: 'guest' });
    const staying = await coviu.mustAdd(s.session_id, { display_name: 'Staying', role: 'host' });
    const res = await coviu.cancelParticipant(leaving.participant_id);
    await check('coviu.participant-cancel', () => {
      expect(res.status, 'DELETE /participants/{id}').toBe(200);
      expect(res.json, 'UnitResponse').toEqual(expect.objectContaining({ ok: true }));
    });
    const inSession = (await coviu.getSession(s.session_id)).json as Session;
    const listed = (await coviu.listParticipants(s.session_id)).json as Page<Participant>;
    await check('coviu.participant-cancel', () => {
      expect(participantIds(inSession.participants), 'participants of GET /sessions/{id}').toEqual([staying.participant_id]);
      expect(participantIds(listed.content), 'GET /sessions/{id}/participants').toEqual([staying.participant_id]);
    });
    const inSessionAll = (await coviu.getSession(s.session_id, { deleted_participants: true })).json as Session;
    const listedAll = (await coviu.listParticipants(s.session_id, { deleted_participants: true })).json as Page<Participant>;
    for (const [what, ps] of [['GET /sessions/{id}?deleted_participants=true', inSessionAll.participants], ['GET /sessions/{id}/participants?deleted_participants=true', listedAll.content]] as const) {
      await check('coviu.deleted-participants-shown', () => {
        expect([...participantIds(ps)].sort(), what).toEqual([leaving.participant_id, staying.participant_id].sort());
        const gone = (ps ?? []).find((p) => p.participant_id === leaving.participant_id);
        expect(gone !== undefined && isCanceledParticipant(gone), `deleted_at of the canceled participant: ${gone?.deleted_at}`).toBe(true);
      });
    }
  });
});
