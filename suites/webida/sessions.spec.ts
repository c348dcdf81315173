import { expect, rules, test } from './fixtures';
import { runSessionId, type Session } from './webida-api';
import { connectedSession, listedIds, listedSessions, socketState } from './steps';

test.describe('Webida sessions: find and get', () => {
  test('findSessions lists the sessions the run has connected', rules('webida.find-lists-connected', 'webida.response-schema', 'webida.json-content-type', 'webida.status-documented'), async ({ webida, check, recorder }) => {
    const a = await connectedSession(webida, recorder, 'find-a');
    const b = await connectedSession(webida, recorder, 'find-b');
    const res = await webida.find();
    await check('webida.find-lists-connected', () => {
      expect(listedIds(res), 'ids in GET /sessions').toEqual(expect.arrayContaining([a.sessionId, b.sessionId]));
    });
  });

  test('findSessions with workspaceId lists only that workspace\'s sessions', rules('webida.find-filters-by-workspace'), async ({ webida, check, settings, recorder }) => {
    const { workspaceId } = settings;
    if (!workspaceId) {
      recorder.skip('webida.find-filters-by-workspace', 'WEBIDA_WORKSPACE_ID is not set: the run binds no session to a workspace, so there is no workspace to filter by');
      return;
    }
    const otherWorkspaceId = settings.otherWorkspaceId !== workspaceId ? settings.otherWorkspaceId : undefined;
    const here = await connectedSession(webida, recorder, 'filter-here', workspaceId);
    const there = otherWorkspaceId === undefined ? undefined : await connectedSession(webida, recorder, 'filter-there', otherWorkspaceId);
    /** One workspace's filtered list: its session is there, every listed session works on it, the other one's is not. */
    const expectFiltered = (res: Parameters<typeof listedSessions>[0], ws: string, mine: string, other: string | undefined) => {
      const list = [...listedSessions(res).values()];
      expect(list.map((s) => s.id), `the session connected to ${ws} is listed`).toContain(mine);
      const strays = list.filter((s) => s.workspaceId !== ws).map((s) => `${s.id} (workspaceId ${String(s.workspaceId)})`);
      expect(strays, `every session GET /sessions?workspaceId=${ws} lists works on ${ws}`).toEqual([]);
      if (other !== undefined) expect(list.map((s) => s.id), 'the session connected to the other workspace is not listed').not.toContain(other);
    };
    // One workspace is enough to see that a filtered list holds nothing of any other workspace.
    const res = await webida.find(workspaceId);
    await check('webida.find-filters-by-workspace', () => expectFiltered(res, workspaceId, here.sessionId, there?.sessionId));
    if (otherWorkspaceId === undefined || there === undefined) {
      recorder.skip('webida.find-filters-by-workspace', 'WEBIDA_OTHER_WORKSPACE_ID is not set (or equals WEBIDA_WORKSPACE_ID): the filter was checked for WEBIDA_WORKSPACE_ID only, not from a second workspace');
      return;
    }
    const fromOther = await webida.find(otherWorkspaceId);
    await check('webida.find-filters-by-workspace', () => expectFiltered(fromOther, otherWorkspaceId, there.sessionId, here.sessionId));
  });

  test('getSession returns the connected session in state NORMAL', rules('webida.get-connected-normal'), async ({ webida, check, settings, recorder }) => {
    const s = await connectedSession(webida, recorder, 'get');
    const res = await webida.get(s.sessionId);
    await check('webida.get-connected-normal', () => {
      expect(res.status, `GET /sessions/${s.sessionId}`).toBe(200);
      expect(res.json as Session).toMatchObject({ id: s.sessionId, state: 'NORMAL', ...(settings.workspaceId ? { workspaceId: settings.workspaceId } : {}) });
      expect(socketState(s, s.connectedAt), 'the socket').toBe('connected');
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
