import { envInt, envString, envUrl } from '../../harness/config/env';
import type { ProviderDefinition } from '../../harness/fixtures/conformance';
import type { TargetSettings } from '../../harness/provider';
import { webidaContract } from '../../contracts/webida';
import { mockUrl } from '../../mocks/ports';

/** Timing windows of the closeAfter rules: short, so the suite stays fast, with room for latency and skew. */
export interface WebidaTiming {
  /** closeAfter (seconds) of the timing tests, and the largest one the property draws. */
  readonly closeAfterS: number;
  /** Latency and clock skew allowed around a deadline ("not before", willCloseAt, "at once"). */
  readonly toleranceMs: number;
  /** How long after its deadline a closed session may still be listed or connected ("soon after"). */
  readonly closeGraceMs: number;
}

export interface WebidaSettings extends TargetSettings {
  /** Sent raw in `Authorization` and as the socket handshake query `token`. */
  readonly token?: string;
  /** The workspace the run binds its sessions to. */
  readonly workspaceId?: string;
  /** A second workspace, for the findSessions filter rule; unset on a real target → that rule is skipped. */
  readonly otherWorkspaceId?: string;
  /** socket.io server URL (its path part is the socket.io namespace) and the socket.io request path. */
  readonly socketUrl: string;
  readonly socketPath: string;
  readonly timing: WebidaTiming;
}

/** Values the bundled mock uses when the variables are unset. Not secrets: the mock is ours. */
export const WEBIDA_MOCK_TOKEN = 'mock-webida-token';
export const WEBIDA_MOCK_WORKSPACE_ID = 'mock-workspace-1';
export const WEBIDA_MOCK_OTHER_WORKSPACE_ID = 'mock-workspace-2';

/** The mock serves the REST API under `/api`, like Webida servers (swagger basePath). */
export const MOCK_API_PATH = '/api';

/**
 * Mock convention: a fault namespace `<mock>/__fault/<f>` serves its REST API at `<mock>/__fault/<f>/api` and
 * its socket.io endpoint at the path `/__fault/<f>/socket.io`. The self-proof hands over the bare namespace.
 */
const FAULT_MOUNT = /^\/__fault\/[a-z0-9,-]+/;

function apiRoot(targetUrlOverride: string): string {
  const path = new URL(targetUrlOverride).pathname.replace(/\/+$/, '');
  return path === FAULT_MOUNT.exec(path)?.[0] ? `${targetUrlOverride.replace(/\/+$/, '')}${MOCK_API_PATH}` : targetUrlOverride;
}

export const webidaProvider: ProviderDefinition<WebidaSettings> = {
  contract: webidaContract,
  settings(targetUrlOverride) {
    const configured = envUrl('WEBIDA_BASE_URL');
    const usesMock = configured === undefined;
    const baseUrl = targetUrlOverride ? apiRoot(targetUrlOverride) : (configured ?? `${mockUrl('webida')}${MOCK_API_PATH}`);
    const token = envString('WEBIDA_TOKEN') ?? (usesMock ? WEBIDA_MOCK_TOKEN : undefined);
    const workspaceId = envString('WEBIDA_WORKSPACE_ID') ?? (usesMock ? WEBIDA_MOCK_WORKSPACE_ID : undefined);
    const otherWorkspaceId = envString('WEBIDA_OTHER_WORKSPACE_ID') ?? (usesMock ? WEBIDA_MOCK_OTHER_WORKSPACE_ID : undefined);
    const socketUrl = envUrl('WEBIDA_SOCKET_URL') ?? new URL(baseUrl).origin;
    const mount = FAULT_MOUNT.exec(new URL(baseUrl).pathname)?.[0] ?? '';
    const socketPath = `${mount}/socket.io`;
    const baseline = envString('WEBIDA_BASELINE');
    const timing: WebidaTiming = {
      closeAfterS: envInt('WEBIDA_CLOSE_AFTER_S', 3, 1),
      toleranceMs: envInt('WEBIDA_TIMING_TOLERANCE_MS', 1_000, 0),
      closeGraceMs: envInt('WEBIDA_CLOSE_GRACE_MS', 2_000, 0),
    };
    return {
      baseUrl,
      usesMock,
      token,
      workspaceId,
      otherWorkspaceId,
      socketUrl,
      socketPath,
      timing,
      baseline,
      secrets: token ? [token] : [],
      shown: {
        WEBIDA_BASE_URL: baseUrl + (usesMock ? ' (bundled mock)' : ''),
        WEBIDA_SOCKET_URL: `${socketUrl} (path ${socketPath})`,
        WEBIDA_TOKEN: token ? '(set)' : '(unset)',
        WEBIDA_WORKSPACE_ID: workspaceId ?? '(unset)',
        WEBIDA_OTHER_WORKSPACE_ID: otherWorkspaceId ?? '(unset)',
        WEBIDA_CLOSE_AFTER_S: String(timing.closeAfterS),
        WEBIDA_TIMING_TOLERANCE_MS: String(timing.toleranceMs),
        WEBIDA_CLOSE_GRACE_MS: String(timing.closeGraceMs),
        WEBIDA_BASELINE: baseline ?? '(none)',
      },
    };
  },
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
};
