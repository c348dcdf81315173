import * as fc from 'fast-check';
import { checkProperty } from '../../harness/property/run-property';
import { expect, rules, test } from './fixtures';
import { asSent, expectSuccess, type SessionView } from './g4-api';

test.describe('G4 sessions: data round trips', () => {
  test('any JSON value PUT as session data comes back unchanged from GET', rules('g4.data-round-trip'), async ({ g4, rules: recorder, transcript, run, settings }, testInfo) => {
    test.setTimeout(120_000);
    // One session for the whole property: every GET through /session also keeps it alive.
    const s = await g4.openSession('round-trip');
    const property = () =>
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const put = await g4.put(s.id, value);
        const read = await g4.get(s.id);
        await recorder.check('g4.data-round-trip', () => {
          expectSuccess(put, `PUT /session/{id} ${JSON.stringify(value)}`);
          expect(read.status, 'GET after the PUT').toBe(200);
          expect((read.json as SessionView).data, 'data after the PUT').toEqual(asSent(value));
        });
      });
    await checkProperty(property, { testInfo, transcript, run, defaultNumRuns: settings.usesMock ? 100 : 25 });
  });
});
