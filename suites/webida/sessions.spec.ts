import { expect, rules, test } from './fixtures';
import { runSessionId, type Session } from './webida-api';

test.describe('Webida sessions: find and get', () => {
  test('findSessions lists the sessions the run has connected', rules('webida.find-lists-connected', 'webida.response-schema', 'webida.json-content-type', 'webida.status-documented'), async ({ webida, check }) => {
    const a = await webida.connect('find-a');
    const b = await webida.connect('find-b');
    const res = await webida.find();
    await check('webida.find-lists-connected', () => {
      expect(res.status, 'status of GET /sessions').toBe(200);
      const ids = (res.json as Session[]).map((s) => s.id);
      expect(ids, 'ids in GET /sessions').toEqual(expect.arrayContaining([a.sessionId, b.sessionId]));
    });
  });

  test('findSessions with workspaceId lists only that workspace\'s sessions', rules('webida.find-filters-by-workspace'), async ({ webida, check, settings, rules: recorder }) => {
    const { workspaceId, otherWorkspaceId } = settings;
    if (!workspaceId || !otherWorkspaceId || otherWorkspaceId === workspaceId) {
      recorder.skip('webida.find-filters-by-workspace', 'WEBIDA_WORKSPACE_ID and WEBIDA_OTHER_WORKSPACE_ID must name two different workspaces to see the filter work');
      return;
    }
    const here = await webida.connect('filter-here', workspaceId);
    const there = await webida.connect('filter-there', otherWorkspaceId);
    for (const [ws, mine, other] of [[workspaceId, here, there], [otherWorkspaceId, there, here]] as const) {
      const res = await webida.find(ws);
      await check('webida.find-filters-by-workspace', () => {
        expect(res.status, `GET /sessions?workspaceId=${ws}`).toBe(200);
        const list = res.json as Session[];
        const ids = list.map((s) => s.id);
        expect(ids, `the session connected to ${ws} is listed`).toContain(mine.sessionId);
        expect(ids, 'the session connected to the other workspace is not').not.toContain(other.sessionId);
        const strays = list.filter((s) => s.workspaceId !== ws).map((s) => `${s.id} (workspaceId ${String(s.workspaceId)})`);
        expect(strays, `every listed session works on ${ws}`).toEqual([]);
      });
    }
  });

  test('getSession returns the connected session in state NORMAL', rules('webida.get-connected-normal'), async ({ webida, check, settings }) => {
    const s = await webida.connect('get');
    const res = await webida.get(s.sessionId);
    await check('webida.get-connected-normal', () => {
      expect(res.status, `GET /sessions/${s.sessionId}`).toBe(200);
      expect(res.json as Session).toMatchObject({ id: s.sessionId, state: 'NORMAL', ...(settings.workspaceId ? { workspaceId: settings.workspaceId } : {}) });
      expect(s.connected, 'the socket is still connected').toBe(true);
    });
  });

  test('getSession and closeSession of an unknown id answer 404 with a RestError', rules('webida.unknown-id-404'), async ({ webida, check }) => {
    const id = runSessionId('never-connected');
    const answers = [await webida.get(id), await webida.close(id, 0)];
    for (const res of answers) {
      await check('webida.unknown-id-404', () => {
        expect(res.status, `${res.exchange.method} of a session id nobody connected`).toBe(404);
        expect(res.json, 'a RestError body').toEqual(expect.objectContaining({ message: expect.any(String) }));
      });
    }
  });
});
