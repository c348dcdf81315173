import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { runPath } from './jupyter-api';
import { createdSession, listedPaths } from './steps';

test.describe('Jupyter sessions: refused requests', () => {
  test('PATCH without a body answers 400', rules('jupyter.patch-without-body-400'), async ({ jupyter, check, recorder }) => {
    const s = await createdSession(jupyter, recorder, { path: runPath('patch-empty'), name: 'patch-empty', type: 'notebook' });
    const res = await jupyter.patch(s.id, undefined);
    await check('jupyter.patch-without-body-400', () => {
      expect(res.status, 'PATCH with an empty body').toBe(400);
    });
  });

  test('an unknown kernel name answers 501 with {message, short_message} and leaves no session', rules('jupyter.unknown-kernel-501', 'jupyter.failed-create-leaves-nothing'), async ({ jupyter, check }) => {
    const path = runPath('no-kernel');
    const res = await jupyter.create({ path, name: 'no-kernel', type: 'notebook', kernel: { name: `no-such-kernel-${Date.now()}` } });
    await check('jupyter.unknown-kernel-501', () => {
      expect(res.status, 'status of a create with an unknown kernel name').toBe(501);
      expect(res.json, 'body of the 501').toEqual(expect.objectContaining({ message: expect.any(String), short_message: expect.any(String) }));
    });
    const listed = await jupyter.list();
    await check('jupyter.failed-create-leaves-nothing', () => {
      expect(listedPaths(listed), 'no session for the failed create').not.toContain(path);
    });
  });

  test('a create without path or type is refused with a 4xx, never a 5xx', rules('jupyter.create-invalid-4xx', 'jupyter.failed-create-leaves-nothing'), async ({ jupyter, check }) => {
    const noType = runPath('no-type');
    for (const body of [{ name: 'no-path', type: 'notebook' }, { path: noType, name: 'no-type' }]) {
      const res = await jupyter.create(body);
      await check('jupyter.create-invalid-4xx', () => {
        expect(res.status, `POST ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `POST ${JSON.stringify(body)}`).toBeLessThan(500);
      });
    }
    const listed = await jupyter.list();
    await check('jupyter.failed-create-leaves-nothing', () => {
      expect(listedPaths(listed), 'no session for the create without type').not.toContain(noType);
    });
  });

  test('GET, PATCH and DELETE of an unknown id answer 404', rules('jupyter.unknown-id-404', 'jupyter.status-documented', 'jupyter.error-body-schema'), async ({ jupyter, check }) => {
    const id = randomUUID();
    const answers = [await jupyter.get(id), await jupyter.patch(id, { name: 'x' }), await jupyter.delete(id)];
    for (const res of answers) {
      await check('jupyter.unknown-id-404', () => {
        expect(res.status, `${res.exchange.method} of an unknown id`).toBe(404);
      });
    }
  });
});
