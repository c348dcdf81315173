import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { runData, type SessionView } from './g4-api';
import { OTHER_TENANT_REFUSALS, openSession, openedSession, where } from './steps';

const isJsonObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

test.describe('G4 sessions: tenants', () => {
  test('without x-g4-tenant every operation answers 400 with ProblemDetails and changes nothing', rules('g4.tenant-required'), async ({ g4, check, recorder }) => {
    // The refusals need no session (an id nobody made is as good); only "changes nothing" needs one.
    const opened = await openSession(g4, recorder, 'no-tenant');
    const id = opened.session?.id ?? randomUUID();
    const none = { tenant: null } as const;
    const answers = [
      await g4.create(g4.credentials(runData('no-tenant-create')), none),
      await g4.get(id, none),
      await g4.getStatic(id, none),
      await g4.put(id, runData('no-tenant-put'), none),
      await g4.delete(id, none),
    ];
    for (const res of answers) {
      await check('g4.tenant-required', () => {
        expect(res.status, `${where(res)} without x-g4-tenant`).toBe(400);
        expect(isJsonObject(res.json) ? 'a ProblemDetails object' : res.text.slice(0, 200), `body of the 400 to ${where(res)}`).toBe('a ProblemDetails object');
      });
    }
    const s = opened.session ?? recorder.block('g4.create-valid-credentials', opened.why);
    const after = await g4.getStatic(s.id);
    await check('g4.tenant-required', () => {
      expect(after.status, 'the session is still there after the refused DELETE').toBe(200);
      expect((after.json as SessionView | undefined)?.data, 'and keeps its data after the refused PUT').toEqual(s.data);
    });
  });

  test("a session is invisible from another tenant, answered there like an unknown id", rules('g4.tenant-isolation', 'g4.other-tenant-like-unknown'), async ({ g4, check, settings, recorder }) => {
    if (!settings.otherTenant) {
      // An unknown tenant name is refused as a G4 error before any session is looked up: only a second real tenant can look.
      const reason = 'G4_OTHER_TENANT is not set: there is no second tenant to look from';
      recorder.skip('g4.tenant-isolation', reason);
      recorder.skip('g4.other-tenant-like-unknown', reason);
      return;
    }
    const other = { tenant: settings.otherTenant };
    const s = await openedSession(g4, recorder, 'isolation');
    const nonce = (s.data as { nonce: string }).nonce;

    const reads = [await g4.get(s.id, other), await g4.getStatic(s.id, other)];
    for (const res of reads) {
      await check('g4.tenant-isolation', () => {
        expect(OTHER_TENANT_REFUSALS, `status of ${where(res)} from tenant ${settings.otherTenant}`).toContain(res.status);
        expect(res.text, `${where(res)} from another tenant carries none of the session's data`).not.toContain(nonce);
      });
    }
    // The effect decides isolation; how the refusal is worded is the SHOULD below.
    const put = await g4.put(s.id, runData('intruder'), other);
    const afterPut = await g4.getStatic(s.id);
    await check('g4.tenant-isolation', () => {
      expect(afterPut.status, `the session is still there after the PUT from another tenant (answered ${put.status})`).toBe(200);
      expect((afterPut.json as SessionView | undefined)?.data, `the data is unchanged after the PUT from another tenant (answered ${put.status})`).toEqual(s.data);
    });
    const del = await g4.delete(s.id, other);
    const afterDelete = await g4.getStatic(s.id);
    await check('g4.tenant-isolation', () => {
      expect(afterDelete.status, `the session survives the DELETE from another tenant (answered ${del.status})`).toBe(200);
    });

    const unknown = randomUUID();
    const reference = [
      await g4.get(unknown, other),
      await g4.getStatic(unknown, other),
      await g4.put(unknown, runData('unknown'), other),
      await g4.delete(unknown, other),
    ];
    await check('g4.other-tenant-like-unknown', () => {
      const seen = [...reads, put, del].map((r) => `${r.exchange.method} ${r.status}`);
      const expected = reference.map((r) => `${r.exchange.method} ${r.status}`);
      expect(seen, "statuses for another tenant's session, operation by operation, equal those for an unknown id").toEqual(expected);
    });
  });
});
