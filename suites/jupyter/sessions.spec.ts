import { expect, rules, test } from './fixtures';
import { runPath } from './jupyter-api';

type Session = { id: string; path: string; name?: string; type?: string; kernel?: { id: string } };

test.describe('Jupyter sessions: create, read, rename, delete', () => {
  test('a create answers 201 with the session and a Location naming it', rules('jupyter.create-returns-201', 'jupyter.create-location', 'jupyter.response-schema', 'jupyter.json-content-type'), async ({ jupyter, check }) => {
    const path = runPath('create');
    const res = await jupyter.create({ path, name: 'create', type: 'notebook', kernel: { name: 'python3' } });
    await check('jupyter.create-returns-201', () => {
      expect(res.status, 'status of POST /api/sessions').toBe(201);
      expect((res.json as Session).path).toBe(path);
    });
    await check('jupyter.create-location', () => {
      const location = res.headers.location;
      expect(location, 'Location header').toBeTruthy();
      const resolved = new URL(location!, jupyter.client.url('/'));
      expect(resolved.pathname, 'Location resolves to /api/sessions/<id>').toBe(new URL(jupyter.client.url(`/api/sessions/${(res.json as Session).id}`)).pathname);
    });
  });

  test('a session created without a name is answered as a valid Session', rules('jupyter.unnamed-session-schema'), async ({ jupyter, check }) => {
    // The schema check of this exchange reports to its own rule: a null name is a known deviation of some servers.
    const res = await jupyter.create({ path: runPath('unnamed'), type: 'notebook' }, { schemaRule: 'jupyter.unnamed-session-schema' });
    await check('jupyter.unnamed-session-schema', () => {
      expect(res.status).toBe(201);
      const name = (res.json as Session).name;
      expect(name === undefined || typeof name === 'string', `name is ${JSON.stringify(name)}`).toBe(true);
    });
  });

  test('a second create with the same path and name returns the same session', rules('jupyter.create-same-path-returns-existing'), async ({ jupyter, check }) => {
    const body = { path: runPath('twice'), name: 'twice', type: 'notebook' };
    const first = (await jupyter.create(body)).json as Session;
    const second = await jupyter.create(body);
    await check('jupyter.create-same-path-returns-existing', () => {
      expect(second.status).toBe(201);
      expect((second.json as Session).id, 'id of the second create').toBe(first.id);
      expect((second.json as Session).kernel?.id, 'kernel of the second create').toBe(first.kernel?.id);
    });
  });

  test('a create with the name of an existing session returns that session, as the spec words it', rules('jupyter.create-same-name-returns-existing'), async ({ jupyter, check }) => {
    const name = `named-${Date.now()}`;
    const first = (await jupyter.create({ path: runPath('name-a'), name, type: 'notebook' })).json as Session;
    const second = await jupyter.create({ path: runPath('name-b'), name, type: 'notebook' });
    await check('jupyter.create-same-name-returns-existing', () => {
      expect((second.json as Session).id, 'a session "of the same name already exists", so it is returned').toBe(first.id);
    });
  });

  test('the list contains created sessions and not deleted ones', rules('jupyter.list-contains-created', 'jupyter.list-omits-deleted'), async ({ jupyter, check }) => {
    const a = (await jupyter.create({ path: runPath('list-a'), name: 'list-a', type: 'notebook' })).json as Session;
    const b = (await jupyter.create({ path: runPath('list-b'), name: 'list-b', type: 'console' })).json as Session;
    const listed = async () => ((await jupyter.list()).json as Session[]).map((s) => s.id);
    const before = await listed();
    await check('jupyter.list-contains-created', () => {
      expect(before, 'ids in GET /api/sessions').toEqual(expect.arrayContaining([a.id, b.id]));
    });
    await jupyter.delete(a.id);
    const after = await listed();
    await check('jupyter.list-omits-deleted', () => {
      expect(after, 'the deleted session is not listed').not.toContain(a.id);
      expect(after, 'the other session still is').toContain(b.id);
    });
  });

  test('GET by id returns that session', rules('jupyter.get-by-id'), async ({ jupyter, check }) => {
    const a = (await jupyter.create({ path: runPath('get-a'), name: 'get-a', type: 'notebook' })).json as Session;
    const b = (await jupyter.create({ path: runPath('get-b'), name: 'get-b', type: 'notebook' })).json as Session;
    for (const s of [a, b]) {
      const res = await jupyter.get(s.id);
      await check('jupyter.get-by-id', () => {
        expect(res.status).toBe(200);
        expect(res.json as Session).toMatchObject({ id: s.id, path: s.path, name: s.name, type: s.type });
      });
    }
  });

  test('PATCH renames path and name, and the change persists', rules('jupyter.patch-renames'), async ({ jupyter, check }) => {
    const s = (await jupyter.create({ path: runPath('rename'), name: 'before', type: 'notebook' })).json as Session;
    const path = runPath('renamed');
    const patched = await jupyter.patch(s.id, { path, name: 'after' });
    await check('jupyter.patch-renames', () => {
      expect(patched.status).toBe(200);
      expect(patched.json as Session, 'PATCH answer').toMatchObject({ id: s.id, path, name: 'after' });
    });
    const read = await jupyter.get(s.id);
    await check('jupyter.patch-renames', () => {
      expect(read.json as Session, 'GET after PATCH').toMatchObject({ id: s.id, path, name: 'after' });
    });
  });

  test('a delete answers 204, then the session is 404', rules('jupyter.delete-returns-204', 'jupyter.deleted-session-404'), async ({ jupyter, check }) => {
    const s = (await jupyter.create({ path: runPath('delete'), name: 'delete', type: 'notebook' })).json as Session;
    const del = await jupyter.delete(s.id);
    await check('jupyter.delete-returns-204', () => {
      expect(del.status).toBe(204);
      expect(del.text, 'a 204 has no body').toBe('');
    });
    const after = await jupyter.get(s.id);
    await check('jupyter.deleted-session-404', () => {
      expect(after.status, 'GET of the deleted session').toBe(404);
    });
  });
});
