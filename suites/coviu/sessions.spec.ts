import { randomBytes } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import type { NewSession, Session } from './coviu-api';
import { freshSlot, iso, runName, slotQuery } from './run-window';
import { createdSession, createdSessionOf, expect4xx, sessionOf, walkedSessions } from './steps';

const MINUTE = 60_000;
const PICTURE = 'https://session-conformance.invalid/room.png';
const sameInstant = (a: string | undefined, b: string) => expect(Date.parse(a ?? ''), `${a} is the instant ${b}`).toBe(Date.parse(b));

test.describe('Coviu sessions: create, read, update', () => {
  test('a create with a future start answers the session with the requested values', rules('coviu.create-session', 'coviu.response-schema', 'coviu.json-content-type', 'coviu.status-documented'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const body: NewSession = {
      session_name: runName('create'),
      picture: PICTURE,
      start_time: iso(slot.at(MINUTE)),
      end_time: iso(slot.at(2 * MINUTE)),
      participants: [{ display_name: 'Dr. Host', role: 'host', state: `create-${randomBytes(3).toString('hex')}` }],
    };
    const res = await coviu.createSession(body);
    await check('coviu.create-session', () => {
      const s = createdSessionOf(res, 'POST /sessions');
      sameInstant(s.start_time, body.start_time);
      sameInstant(s.end_time, body.end_time);
      expect(s, 'name and picture').toMatchObject({ session_name: body.session_name, picture: PICTURE });
      expect(s.participants ?? [], 'the participant sent with the create').toHaveLength(1);
      const p = s.participants![0]!;
      expect({ display_name: p.display_name, role: p.role?.toLowerCase(), state: p.state }).toEqual({ display_name: 'Dr. Host', role: 'host', state: body.participants![0]!.state });
    });
  });

  test('GET by id answers that session', rules('coviu.get-session'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const made = [
      await createdSession(coviu, need, { session_name: runName('get-a'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) }),
      await createdSession(coviu, need, { session_name: runName('get-b'), start_time: iso(slot.at(3 * MINUTE)), end_time: iso(slot.at(5 * MINUTE)) }),
    ];
    for (const s of made) {
      const res = await coviu.getSession(s.session_id);
      await check('coviu.get-session', () => {
        const read = sessionOf(res, `GET /sessions/${s.session_id}`);
        expect(read.session_id).toBe(s.session_id);
        expect(read.session_name).toBe(s.session_name);
        sameInstant(read.start_time, s.start_time);
        sameInstant(read.end_time, s.end_time);
      });
    }
  });

  test('an update changes start, end, name and picture, and the change persists', rules('coviu.update-session'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const s = await createdSession(coviu, need, { session_name: runName('update'), start_time: iso(slot.at(MINUTE)), end_time: iso(slot.at(2 * MINUTE)) });
    const changes = { session_name: runName('updated'), picture: PICTURE, start_time: iso(slot.at(4 * MINUTE)), end_time: iso(slot.at(7 * MINUTE)) };
    const res = await coviu.updateSession(s.session_id, changes);
    const expectChanged = (x: Session, what: string) => {
      expect(x.session_id, what).toBe(s.session_id);
      expect({ name: x.session_name, picture: x.picture }, what).toEqual({ name: changes.session_name, picture: PICTURE });
      sameInstant(x.start_time, changes.start_time);
      sameInstant(x.end_time, changes.end_time);
    };
    await check('coviu.update-session', () => expectChanged(sessionOf(res, 'PUT /sessions/{id}'), 'PUT answer'));
    const read = await coviu.getSession(s.session_id);
    await check('coviu.update-session', () => expectChanged(sessionOf(read, 'GET after PUT'), 'GET after PUT'));
  });

  test('an update that puts the end at or before the start is refused and changes nothing', rules('coviu.update-times-validated'), async ({ coviu, check, need }) => {
    const slot = freshSlot();
    const s = await createdSession(coviu, need, { session_name: runName('update-times'), start_time: iso(slot.at(2 * MINUTE)), end_time: iso(slot.at(4 * MINUTE)) });
    const attempts = [
      { end_time: iso(slot.at(MINUTE)) },
      { end_time: s.start_time },
      { start_time: iso(slot.at(5 * MINUTE)) },
    ];
    for (const changes of attempts) {
      const res = await coviu.updateSession(s.session_id, changes);
      await check('coviu.update-times-validated', () => expect4xx(res, `PUT ${JSON.stringify(changes)}`));
    }
    const read = await coviu.getSession(s.session_id);
    await check('coviu.update-times-validated', () => {
      const after = sessionOf(read, 'GET after the refused updates');
      sameInstant(after.start_time, s.start_time);
      sameInstant(after.end_time, s.end_time);
    });
  });

  test('a create whose start lies in the past is refused and creates nothing', rules('coviu.create-start-in-future'), async ({ coviu, check, settings }) => {
    await coviu.sampleClock();
    const start = Math.floor((coviu.clock.now() - 60 * MINUTE) / 1_000) * 1_000;
    const name = runName(`past-${randomBytes(3).toString('hex')}`);
    const res = await coviu.createSession({ session_name: name, start_time: iso(start), end_time: iso(start + 120 * MINUTE) });
    await check('coviu.create-start-in-future', () => expect4xx(res, 'POST /sessions starting an hour ago'));
    const around = await coviu.listAll({ start_time: iso(start - 1_000), end_time: iso(start + 1_000), include_canceled: true }, settings.maxListPages);
    await check('coviu.create-start-in-future', () => {
      expect(walkedSessions(around, 'GET /sessions around that start').map((s) => s.session_name), 'sessions starting at that moment').not.toContain(name);
    });
  });

  test('a create whose end is not after its start is refused and creates nothing', rules('coviu.create-end-after-start'), async ({ coviu, check, settings }) => {
    const slot = freshSlot();
    const bodies = [
      { session_name: runName('end-before-start'), start_time: iso(slot.at(2 * MINUTE)), end_time: iso(slot.at(MINUTE)) },
      { session_name: runName('end-at-start'), start_time: iso(slot.at(3 * MINUTE)), end_time: iso(slot.at(3 * MINUTE)) },
    ];
    for (const body of bodies) {
      const res = await coviu.createSession(body);
      await check('coviu.create-end-after-start', () => expect4xx(res, `POST /sessions ${body.start_time} → ${body.end_time}`));
    }
    const listed = await coviu.listAll({ ...slotQuery(slot), include_canceled: true }, settings.maxListPages);
    await check('coviu.create-end-after-start', () => {
      expect(walkedSessions(listed, 'GET /sessions of this test\'s slot').map((s) => s.session_name), 'sessions of this test').toEqual([]);
    });
  });
});
