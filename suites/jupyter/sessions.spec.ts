import { expect, rules, test } from './fixtures';
import { runPath } from './jupyter-api';
import { bodyNote, createdSession, deletedSession, ownSessions, sessionOf } from './steps';

test.describe('Jupyter sessions: create, read, rename, delete', () => {
  test('a create answers 201 with the session and a Location naming it', rules('jupyter.create-returns-201', 'jupyter.create-location', 'jupyter.response-schema', 'jupyter.json-content-type'), async ({ jupyter, check }) => {
    const path = runPath('create');
    const res = await jupyter.create({ path, name: 'create', type: 'notebook', kernel: { name: 'python3' } });
    await check('jupyter.create-returns-201', () => {
      expect(sessionOf(res, 'POST /api/sessions').path, 'path of the created session').toBe(path);
    });
    await check('jupyter.create-location', () => {
      const answered = `the ${res.status} answer to POST /api/sessions`;
      const location = res.headers.location;
      expect(location, `Location header of ${answered}`).toEqual(expect.any(String));
      const id = (res.json as { id?: unknown } | undefined)?.id;
      expect(id, `the session id in ${answered}, which the Location must name${bodyNote(res)}`).toEqual(expect.any(String));
      const resolved = new URL(location!, jupyter.client.url('/'));
      expect(resolved.pathname, `Location of ${answered} resolves to /api/sessions/<id>`).toBe(new URL(jupyter.client.url(`/api/sessions/${id as string}`)).pathname);
    });
  });

  test('a session created without a name is answered as a valid Session', rules('jupyter.unnamed-session-schema'), async ({ jupyter, check }) => {
    // The create without a name is what the rule is about, so its answer is judged here, whatever it is; a null
    // name is also told to this rule by the answer's schema check, wherever it shows up (contracts/jupyter/index.ts).
    const res = await jupyter.create({ path: runPath('unnamed'), type: 'notebook', kernel: { name: jupyter.kernelName } });
    await check('jupyter.unnamed-session-schema', () => {
      const session = sessionOf(res, 'POST /api/sessions without a name');
      expect(['undefined', 'string'], `type of "name" in ${JSON.stringify(session)}`).toContain(typeof session.name);
    });
  });

  test('a second create with the same path and name returns the same session', rules('jupyter.create-same-path-returns-existing'), async ({ jupyter, check, recorder }) => {
    const body = { path: runPath('twice'), name: 'twice', type: 'notebook' };
    const first = await createdSession(jupyter, recorder, body);
    const second = await jupyter.create(body);
    await check('jupyter.create-same-path-returns-existing', () => {
      const again = sessionOf(second, 'the second POST /api/sessions');
      expect(again.id, 'id of the second create').toBe(first.id);
      expect(again.kernel?.id, 'kernel of the second create').toBe(first.kernel?.id);
    });
  });

  test('a create with the name of an existing session returns that session, as the spec words it', rules('jupyter.create-same-name-returns-existing'), async ({ jupyter, check, recorder }) => {
    const name = `named-${Date.now()}`;
    const first = await createdSession(jupyter, recorder, { path: runPath('name-a'), name, type: 'notebook' });
    const second = await jupyter.create({ path: runPath('name-b'), name, type: 'notebook' });
    await check('jupyter.create-same-name-returns-existing', () => {
      expect((second.json as { id?: unknown } | undefined)?.id, 'a session "of the same name already exists", so it is returned').toBe(first.id);
    });
  });

  test('the list contains created sessions and not deleted ones', rules('jupyter.list-contains-created', 'jupyter.list-omits-deleted'), async ({ jupyter, check, recorder }) => {
    const a = await createdSession(jupyter, recorder, { path: runPath('list-a'), name: 'list-a', type: 'notebook' });
    const b = await createdSession(jupyter, recorder, { path: runPath('list-b'), name: 'list-b', type: 'console' });
    const mine = [a.id, b.id];
    const before = await jupyter.list();
    await check('jupyter.list-contains-created', () => {
      expect(ownSessions(before, mine).map((s) => s.id).sort(), 'this test\'s sessions in GET /api/sessions').toEqual([...mine].sort());
    });
    await deletedSession(jupyter, recorder, a.id);
    const after = await jupyter.list();
    await check('jupyter.list-omits-deleted', () => {
      expect(ownSessions(after, mine).map((s) => s.id), 'this test\'s sessions listed after one was deleted').toEqual([b.id]);
    });
  });

  test('GET by id returns that session', rules('jupyter.get-by-id'), async ({ jupyter, check, recorder }) => {
    const a = await createdSession(jupyter, recorder, { path: runPath('get-a'), name: 'get-a', type: 'notebook' });
    const b = await createdSession(jupyter, recorder, { path: runPath('get-b'), name: 'get-b', type: 'notebook' });
    for (const s of [a, b]) {
      const res = await jupyter.get(s.id);
      await check('jupyter.get-by-id', () => {
        expect(res.status, `status of GET /api/sessions/${s.id}`).toBe(200);
        expect(res.json, `GET /api/sessions/${s.id}`).toMatchObject({ id: s.id, path: s.path, name: s.name, type: s.type });
      });
    }
  });

  test('PATCH renames path and name, and the change persists', rules('jupyter.patch-renames'), async ({ jupyter, check, recorder }) => {
    const s = await createdSession(jupyter, recorder, { path: runPath('rename'), name: 'before', type: 'notebook' });
    const path = runPath('renamed');
    const patched = await jupyter.patch(s.id, { path, name: 'after' });
    await check('jupyter.patch-renames', () => {
      expect(patched.status, `status of PATCH /api/sessions/${s.id}`).toBe(200);
      expect(patched.json, 'PATCH answer').toMatchObject({ id: s.id, path, name: 'after' });
    });
    const read = await jupyter.get(s.id);
    await check('jupyter.patch-renames', () => {
      expect(read.json, 'GET after PATCH').toMatchObject({ id: s.id, path, name: 'after' });
    });
  });

  test('a delete answers 204, then the session is 404', rules('jupyter.delete-returns-204', 'jupyter.deleted-session-404'), async ({ jupyter, check, recorder }) => {
    const s = await createdSession(jupyter, recorder, { path: runPath('delete'), name: 'delete', type: 'notebook' });
    await deletedSession(jupyter, recorder, s.id);
    const after = await jupyter.get(s.id);
    await check('jupyter.deleted-session-404', () => {
      expect(after.status, 'GET of the deleted session').toBe(404);
    });
  });
});
