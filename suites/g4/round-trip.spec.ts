import * as fc from 'fast-check';
import { expect, rules, test } from './fixtures';
import { asSent, type SessionView } from './g4-api';
import { expectSuccess, openedSession } from './steps';

test.describe('G4 sessions: data round trips', () => {
  test('any JSON value PUT as session data comes back unchanged from GET', rules('g4.data-round-trip'), async ({ g4, check, property, settings, recorder }) => {
    test.setTimeout(120_000);
    // One session for the whole property: every GET through /session also keeps it alive.
    const s = await openedSession(g4, recorder, 'round-trip');
    await property('g4.data-round-trip', settings.usesMock ? 100 : 25, (_, iterate) =>
      fc.asyncProperty(fc.jsonValue(), iterate(async (_scope, value) => {
        const put = await g4.put(s.id, value);
        const read = await g4.get(s.id);
        await check('g4.data-round-trip', () => {
          expectSuccess(put, `PUT /session/{id} ${JSON.stringify(value)}`);
          expect(read.status, 'GET after the PUT').toBe(200);
          expect((read.json as SessionView | undefined)?.data, 'data after the PUT').toEqual(asSent(value));
        });
      })));
  });
});
