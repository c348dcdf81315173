import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { freshSlot, iso, runName } from './run-window';

test.describe('Coviu: unknown ids', () => {
  test('operations on an unknown session or participant id answer 404', rules('coviu.unknown-id-404', 'coviu.status-documented'), async ({ coviu, check }) => {
    const session = randomUUID();
    const participant = randomUUID();
    const slot = freshSlot();
    const answers = [
      await coviu.getSession(session),
      await coviu.updateSession(session, { session_name: runName('unknown'), end_time: iso(slot.at(60_000)) }),
      await coviu.cancelSession(session),
      await coviu.listParticipants(session),
      await coviu.addParticipant(session, { display_name: 'Nobody', role: 'guest' }),
      await coviu.getParticipant(participant),
      await coviu.updateParticipant(participant, { display_name: 'Nobody' }),
      await coviu.cancelParticipant(participant),
    ];
    for (const res of answers) {
      await check('coviu.unknown-id-404', () => {
        expect(res.status, `${res.exchange.method} ${new URL(res.exchange.url).pathname} (an unknown id)`).toBe(404);
      });
    }
  });
});
