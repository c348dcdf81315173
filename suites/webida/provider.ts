import { resolve } from 'node:path';
import { baseline, integer, secret, text, url } from '../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../harness/provider/define';
import { webidaContract } from '../../contracts/webida';
import { MOCK_API_PATH, WEBIDA_MOCK_OTHER_WORKSPACE_ID, WEBIDA_MOCK_TOKEN, WEBIDA_MOCK_WORKSPACE_ID } from '../../mocks/webida/defaults';
import { webidaFaults } from '../../mocks/webida/faults';

/** Timing windows of the closeAfter rules: short, so the suite stays fast, with room for latency and skew. */
export interface WebidaTiming {
  /** closeAfter (seconds) of the timing tests, and the largest one the property draws. */
  readonly closeAfterS: number;
  /** Latency and clock skew allowed around a deadline ("not before", willCloseAt, "at once"). */
  readonly toleranceMs: number;
  /** How long after its deadline a closed session may still be listed or connected ("soon after"). */
  readonly closeGraceMs: number;
}

/**
 * Mock convention: a fault namespace `<mock>/__fault/<f>` serves its REST API at `<mock>/__fault/<f>/api` and
 * its socket.io endpoint at the path `/__fault/<f>/socket.io`. The self-proof hands over the bare namespace.
 */
const FAULT_MOUNT = /^\/__fault\/[a-z0-9,-]+/;

function apiRoot(targetUrlOverride: string): string {
  const path = new URL(targetUrlOverride).pathname.replace(/\/+$/, '');
  return path === FAULT_MOUNT.exec(path)?.[0] ? `${targetUrlOverride.replace(/\/+$/, '')}${MOCK_API_PATH}` : targetUrlOverride;
}

export const webidaProvider = defineProvider({
  name: 'webida',
  position: 3,
  title: 'Webida',
  contract: webidaContract,
  variables: {
    baseUrl: url('WEBIDA_BASE_URL', { doc: 'the REST root, e.g. `http://127.0.0.1:5000/api`', defaultDoc: 'bundled mock', example: 'http://127.0.0.1:5000/api' }),
    /** socket.io server URL (its path part is the socket.io namespace). */
    socketUrl: url('WEBIDA_SOCKET_URL', { doc: 'socket.io server (its path is the namespace)', defaultDoc: 'origin of `WEBIDA_BASE_URL`' }),
    /** Sent raw in `Authorization` and as the socket handshake query `token`. */
    token: secret('WEBIDA_TOKEN', { doc: 'ACCESS token, raw in `Authorization` and as handshake query `token`', mock: WEBIDA_MOCK_TOKEN, mockShown: '(set)' }),
    /** The workspace the run binds its sessions to. */
    workspaceId: text('WEBIDA_WORKSPACE_ID', { doc: 'workspace the run binds its sessions to', mock: WEBIDA_MOCK_WORKSPACE_ID }),
    /** A second workspace, for the findSessions filter rule; unset on a real target → that rule is skipped. */
    otherWorkspaceId: text('WEBIDA_OTHER_WORKSPACE_ID', { doc: 'a second workspace, for the findSessions filter rule (skipped without it)', mock: WEBIDA_MOCK_OTHER_WORKSPACE_ID }),
    closeAfterS: integer('WEBIDA_CLOSE_AFTER_S', { doc: 'N of the closeAfter timing checks, and the largest N of the property', default: 3, min: 1 }),
    toleranceMs: integer('WEBIDA_TIMING_TOLERANCE_MS', { doc: 'latency and clock-skew tolerance', default: 1_000, min: 0 }),
    closeGraceMs: integer('WEBIDA_CLOSE_GRACE_MS', { doc: '"soon after" the close deadline', default: 2_000, min: 0 }),
    baseline: baseline('WEBIDA_BASELINE'),
  },
  baseUrl: (ctx) => (ctx.targetUrlOverride ? apiRoot(ctx.targetUrlOverride) : (ctx.configured ?? `${ctx.mockUrl}${MOCK_API_PATH}`)),
  settings(v, ctx) {
    const socketUrl = v.socketUrl ?? new URL(ctx.baseUrl).origin;
    const mount = FAULT_MOUNT.exec(new URL(ctx.baseUrl).pathname)?.[0] ?? '';
    const timing: WebidaTiming = { closeAfterS: v.closeAfterS, toleranceMs: v.toleranceMs, closeGraceMs: v.closeGraceMs };
    /** The socket.io request path. */
    const socketPath = `${mount}/socket.io`;
    return { token: v.token, workspaceId: v.workspaceId, otherWorkspaceId: v.otherWorkspaceId, socketUrl, socketPath, timing };
  },
  shown: (s) => ({ WEBIDA_SOCKET_URL: `${s.socketUrl} (path ${s.socketPath})` }),
  /** The token is set and taken by the REST API, and the socket.io endpoint answers an engine.io handshake. */
  async preflight(settings, http) {
    if (!settings.token) return 'WEBIDA_TOKEN is not set: sessions are made and read with an ACCESS token only';
    const rest = await http.send({ method: 'GET', url: `${settings.baseUrl}/sessions`, headers: { authorization: settings.token }, timeoutMs: 10_000 });
    if (rest.status === 401 || rest.status === 403) {
      return `the server refuses WEBIDA_TOKEN (GET /sessions answered ${rest.status}); it must be an ACCESS token sent raw in Authorization`;
    }
    const handshake = new URL(`${settings.socketPath.replace(/\/?$/, '/')}?EIO=4&transport=polling`, settings.socketUrl);
    const socket = await http.send({ method: 'GET', url: handshake.toString(), headers: {}, timeoutMs: 10_000 }).catch((e: unknown) => e as Error);
    if (socket instanceof Error || socket.status !== 200) {
      const why = socket instanceof Error ? socket.message.split('\n')[0] : `status ${socket.status}`;
      return `WEBIDA_SOCKET_URL=${settings.socketUrl} (path ${settings.socketPath}) does not answer a socket.io v4 handshake (${why})`;
    }
    return undefined;
  },
  mock: { module: resolve(__dirname, '../../mocks/webida/index.ts'), faults: webidaFaults },
  // As suites/webida/close-after-property.spec.ts runs its property: more runs on the mock than on a live target.
  runs: { closeAfterPropertyMock: 5, closeAfterPropertyReal: 3 },
});

export type WebidaSettings = SettingsOf<typeof webidaProvider>;
