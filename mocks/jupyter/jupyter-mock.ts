import { randomUUID } from 'node:crypto';
import { jupyterContract } from '../../contracts/jupyter';
import type { MockOf, MockResponse, RequestOf, RouteOf } from '../core/mock-server';
import { jupyterFaults } from './faults';

interface KernelModel {
  id: string;
  name: string;
  last_activity: string;
  execution_state: string;
  connections: number;
}

interface SessionModel {
  id: string;
  path: string;
  name?: string;
  type: string;
  kernel: KernelModel;
}

interface JupyterState {
  /** Insertion order is creation order. */
  readonly sessions: Map<string, SessionModel>;
  /** Deleted, yet still listed: only the `list-keeps-deleted` fault fills this. */
  readonly tombstones: Set<string>;
  /** Path a session had before a rename → its id; only the `create-reuses-renamed-path` fault reads it. */
  readonly formerPaths: Map<string, string>;
}

const KERNEL_SPECS = new Set(['python3']);
const SESSION_PATH = /^\/api\/sessions\/(?<id>\w+-\w+-\w+-\w+-\w+)$/;

export interface JupyterMockOptions {
  /** The token requests must carry (`Authorization: token <t>` or `?token=`). */
  readonly token: string;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): MockResponse => ({ status, body, headers });
const error = (status: number, message: string): MockResponse => json(status, { message, reason: null });

function newKernel(name: string): KernelModel {
  return { id: randomUUID(), name, last_activity: new Date().toISOString(), execution_state: 'starting', connections: 0 };
}

/** What the server sends for a session: the deprecated `notebook` object only for notebooks, as jupyter_server does. */
function view(s: SessionModel, req: Req): Record<string, unknown> {
  const kernel: Record<string, unknown> = { ...s.kernel };
  if (req.faults.has('kernel-id-missing')) delete kernel.id;
  // jupyter_server sends `name: null` for an unnamed session; the contract's Session has a string name, so the
  // reference mock leaves the field out, and the `unnamed-null-name` fault sends the server's null.
  const name = s.name ?? (req.faults.has('unnamed-null-name') ? null : undefined);
  const out: Record<string, unknown> = { id: s.id, path: s.path, ...(name !== undefined ? { name } : {}), type: s.type, kernel };
  if (s.type === 'notebook') out.notebook = { path: s.path, name: s.name ?? null };
  return out;
}

/** Parses a JSON request body the way jupyter_server's get_json_body does. */
function jsonBody(req: Req): { ok: true; value: Record<string, unknown> } | { ok: false; answer: MockResponse } {
  if (!req.body.trim()) return { ok: false, answer: error(400, 'No JSON data provided') };
  let value: unknown;
  try {
    value = JSON.parse(req.body);
  } catch {
    return { ok: false, answer: error(400, 'Invalid JSON in body of request') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, answer: error(400, 'JSON body must be an object') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Requests as this mock's routes see them: its faults by name. */
type Req = RequestOf<typeof jupyterFaults>;

/** A stateful Jupyter sessions server that answers as jupyter-server 1.23.3 does, with fake kernels. */
export function jupyterMock(options: JupyterMockOptions): MockOf<JupyterState, typeof jupyterFaults> {
  return {
    contract: jupyterContract.openapi,
    faults: jupyterFaults,
    newState: () => ({ sessions: new Map(), tombstones: new Set(), formerPaths: new Map() }),

    before(req) {
      // Like jupyter_server, the version is public.
      if (req.method === 'GET' && req.path === '/api') return json(200, { version: 'session-conformance-mock' });
      if (req.faults.has('auth-ignored')) return undefined;
      const header = req.headers.authorization ?? '';
      const m = /^token\s+(.+)$/i.exec(header);
      const given = m?.[1]?.trim() ?? req.query.get('token') ?? undefined;
      if (given === options.token) return undefined;
      return req.method === 'GET' ? error(403, 'Forbidden') : error(403, "'_xsrf' argument missing from POST");
    },

    notFound: () => ({
      status: 404,
      raw: '<html><title>404: Not Found</title><body>404: Not Found</body></html>',
      headers: { 'content-type': 'text/html' },
    }),

    routes: [
      {
        // Not part of the sessions contract: the suite asks it once for the kernel its sessions should use.
        method: 'GET',
        pattern: /^\/api\/kernelspecs$/,
        handle: () => json(200, { default: 'python3', kernelspecs: { python3: { name: 'python3', spec: { display_name: 'Python 3', language: 'python' } } } }),
      },
      {
        method: 'GET',
        pattern: /^\/api\/sessions$/,
        operationId: 'listSessions',
        handle(req, state) {
          let list = [...state.sessions.values()];
          if (req.faults.has('list-omits-newest')) list = list.slice(0, -1);
          return json(200, list.map((s) => view(s, req)));
        },
      },
      {
        method: 'POST',
        pattern: /^\/api\/sessions$/,
        operationId: 'createSession',
        handle(req, state) {
          const parsed = jsonBody(req);
          if (!parsed.ok) return parsed.answer;
          const model = parsed.value;
          const notebook = model.notebook as Record<string, unknown> | undefined;
          const path = str(model.path) ?? str(notebook?.path);
          if (path === undefined) {
            return req.faults.has('missing-path-500') ? error(500, 'Unhandled error') : error(400, 'Missing field in JSON data: path');
          }
          const type = str(model.type) ?? (notebook ? 'notebook' : undefined);
          if (type === undefined) return error(400, 'Missing field in JSON data: type');
          const name = str(model.name) ?? str(notebook?.name);
          const kernelReq = (model.kernel ?? {}) as Record<string, unknown>;

          if (!req.faults.has('create-always-new')) {
            // jupyter_server keys on path; the spec says "same name": the reference mock honours both.
            const existing = live(state).find(
              (s) => s.path === path || (!req.faults.has('create-keys-on-path-only') && name !== undefined && s.name === name),
            );
            if (existing) return created(req, existing);
            const formerId = state.formerPaths.get(path);
            const former = formerId === undefined ? undefined : find(state, formerId);
            if (former && req.faults.has('create-reuses-renamed-path')) return created(req, former);
          }
          const kernelId = str(kernelReq.id);
          const shared = kernelId ? [...state.sessions.values()].find((s) => s.kernel.id === kernelId)?.kernel : undefined;
          const kernelName = str(kernelReq.name) ?? 'python3';
          const session: SessionModel = { id: randomUUID(), path, name, type, kernel: shared ?? newKernel(kernelName) };
          if (!shared && !KERNEL_SPECS.has(kernelName)) {
            if (req.faults.has('unknown-kernel-leaks-session')) state.sessions.set(session.id, session);
            if (req.faults.has('unknown-kernel-500')) return error(500, 'Unhandled error');
            return json(501, {
              message: `The '${kernelName}' kernel is not available. Please pick another suitable kernel instead, or install that kernel.`,
              short_message: `${kernelName} not found`,
            });
          }
          state.sessions.set(session.id, session);
          return created(req, session);
        },
      },
      sessionRoute('GET', 'getSession', (req, state, found) => {
        const id = req.params.id!;
        const s = req.faults.has('get-returns-first') ? live(state)[0] : found;
        if (!s) return unknownSession(req, id);
        return json(200, view(s, req));
      }),
      sessionRoute('PATCH', 'updateSession', (req, state, s) => {
        const id = req.params.id!;
        if (!req.body.trim() && req.faults.has('patch-empty-200')) return json(200, view(s, req));
        const parsed = jsonBody(req);
        if (!parsed.ok) return parsed.answer;
        const changes = parsed.value;
        const next: SessionModel = { ...s, kernel: { ...s.kernel } };
        if (typeof changes.path === 'string') next.path = changes.path;
        if (typeof changes.name === 'string') next.name = changes.name;
        if (typeof changes.type === 'string') next.type = changes.type;
        const kernel = changes.kernel as Record<string, unknown> | undefined;
        if (kernel && typeof kernel.id === 'string') {
          const other = [...state.sessions.values()].find((x) => x.kernel.id === kernel.id);
          if (!other) return error(400, `No such kernel: ${kernel.id}`);
          next.kernel = other.kernel;
        } else if (kernel && typeof kernel.name === 'string') {
          if (!KERNEL_SPECS.has(kernel.name)) {
            return json(501, { message: `The '${kernel.name}' kernel is not available.`, short_message: `${kernel.name} not found` });
          }
          next.kernel = newKernel(kernel.name);
        }
        if (next.path !== s.path) state.formerPaths.set(s.path, id);
        if (!req.faults.has('patch-not-persisted')) state.sessions.set(id, next);
        return json(200, view(next, req));
      }),
      sessionRoute('DELETE', 'deleteSession', (req, state) => {
        const id = req.params.id!;
        if (req.faults.has('list-keeps-deleted')) state.tombstones.add(id);
        else if (!req.faults.has('delete-noop')) state.sessions.delete(id);
        if (req.faults.has('delete-returns-200')) return json(200, { deleted: id });
        return { status: 204 };
      }),
    ],
  };

  function created(req: Req, s: SessionModel): MockResponse {
    const status = req.faults.has('create-returns-200') ? 200 : 201;
    const headers: Record<string, string> = req.faults.has('location-missing') ? {} : { location: `${req.mount}/api/sessions/${s.id}` };
    return json(status, view(s, req), headers);
  }
}

function live(state: JupyterState): SessionModel[] {
  return [...state.sessions.values()].filter((s) => !state.tombstones.has(s.id));
}

function find(state: JupyterState, id: string): SessionModel | undefined {
  return state.tombstones.has(id) ? undefined : state.sessions.get(id);
}

function unknownSession(req: Req, id: string): MockResponse {
  if (req.faults.has('unknown-id-500')) return error(500, 'Unhandled error');
  if (req.faults.has('unknown-id-410')) return error(410, 'Gone');
  if (req.faults.has('error-body-without-message')) return json(404, { detail: 'Not Found' });
  return error(404, `Session not found: session_id='${id}'`);
}

/** A route of one live session (`/api/sessions/{id}`): an unknown id is answered as such. */
function sessionRoute(method: string, operationId: string, handle: (req: Req, state: JupyterState, s: SessionModel) => MockResponse): RouteOf<JupyterState, typeof jupyterFaults> {
  return {
    method,
    pattern: SESSION_PATH,
    operationId,
    handle: (req, state) => {
      const s = find(state, req.params.id!);
      return s ? handle(req, state, s) : unknownSession(req, req.params.id!);
    },
  };
}
