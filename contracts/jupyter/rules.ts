import type { Rule } from '../../harness/rules/types';

// The published documents, pinned; copies in contracts/jupyter/upstream/ (see its README.md).
const DOCS = 'https://github.com/americandatascience/nbserv-client/blob/169a632b80e8ec15687eee92b3a4b0f5778411de/docs/SessionsApi.md';
const DOCS_COPY = 'contracts/jupyter/upstream/nbserv-client/SessionsApi.md';
const API_YAML = 'https://github.com/jupyter-server/jupyter_server/blob/v2.11.1/jupyter_server/services/api/api.yaml';
const API_YAML_COPY = 'contracts/jupyter/upstream/jupyter_server/api.yaml';
const SECURITY = 'https://github.com/jupyter-server/jupyter_server/blob/9a4d6eea2b16815a493b11fffe0b51b1fe55a81b/docs/source/operators/security.rst';
const SECURITY_COPY = 'contracts/jupyter/upstream/jupyter_server/security.rst';
// jupyter_server's code, for what the documents leave open (basis seen-in-code).
const JUPYTER_SERVER_BASE_HANDLERS = 'https://github.com/jupyter-server/jupyter_server/blob/v2.21.1/jupyter_server/base/handlers.py';
const HANDLERS = 'https://github.com/jupyter-server/jupyter_server/blob/v2.11.1/jupyter_server/services/sessions/handlers.py';
const SESSION_MANAGER = 'https://github.com/jupyter-server/jupyter_server/blob/v2.11.1/jupyter_server/services/sessions/sessionmanager.py';

/** An operation of the generated docs (`#api_sessions_post`, …). */
const doc = (anchor: string): string => `${DOCS}#${anchor} (copy: ${DOCS_COPY})`;
/** Lines of api.yaml (`L435-L443`) and what stands there. */
const spec = (lines: string, what: string): string => `${API_YAML}#${lines}, ${what} (copy: ${API_YAML_COPY})`;

/** The Jupyter sessions rules. Ids are stable: baselines, tags and reports refer to them. */
export const jupyterRules: readonly Rule[] = [
  {
    id: 'jupyter.response-schema',
    level: 'MUST',
    title: 'Every response body validates against the schema documented for its operation and status',
    source: 'Session: properties: id (type: string, format: uuid), path, name, type (type: string), kernel ($ref: "#/definitions/Kernel"); Kernel: required: id, name; 501: schema: properties: message, short_message (type: string)',
    reference: `${spec('L843-L890', 'definitions Kernel and Session')}; ${API_YAML}#L444-L453, POST /api/sessions 501`,
    basis: 'stated',
  },
  {
    id: 'jupyter.error-body-schema',
    level: 'SHOULD',
    title: 'Refusals the spec leaves undocumented (400, 401, 403, 404) carry jupyter_server\'s JSON error body {message, reason}',
    source: 'reply: dict[str, Any] = { "message": message, } … reply["message"] = e.log_message or message; reply["reason"] = e.reason',
    reference: `not stated: api.yaml documents no body for these statuses (and 401, 403, 404 not at all); jupyter_server's APIHandler.write_error sends {message, reason} (${JUPYTER_SERVER_BASE_HANDLERS}#L760-L780)`,
    basis: 'seen-in-code',
  },
  {
    id: 'jupyter.json-content-type',
    level: 'MUST',
    title: 'JSON bodies are sent with Content-Type application/json',
    source: 'produces: - application/json',
    reference: spec('L11-L12', 'produces (every operation)'),
    basis: 'stated',
  },
  {
    id: 'jupyter.status-documented',
    level: 'SHOULD',
    title: 'Answers use the status codes the contract documents for the operation',
    source: 'responses: GET /api/sessions 200; POST 201, 501; GET /api/sessions/{session} 200; PATCH 200, 400; DELETE 204, 410',
    reference: `${spec('L375-L453', 'paths /api/sessions and /api/sessions/{session}')}; not stated: that no other status is used (the spec lists these, it forbids none); contracts/jupyter/openapi.yaml adds the 400, 403 and 404 jupyter_server sends`,
    basis: 'inferred',
  },
  {
    id: 'jupyter.create-returns-201',
    level: 'MUST',
    title: 'Creating a session answers 201 with the Session',
    source: '201 | Session created or returned',
    reference: doc('api_sessions_post'),
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.create-location',
    level: 'MUST',
    title: 'The 201 answer carries a Location header naming the session',
    source: '201: headers: Location: description: URL for session commands',
    reference: spec('L435-L443', 'POST /api/sessions 201 headers'),
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.unnamed-session-schema',
    level: 'MUST',
    title: 'A session created without a name is answered as a valid Session (name a string, or absent)',
    source: 'Session: properties: name: type: string, description: name of the session (no property of Session is required)',
    reference: spec('L873-L890', 'definitions.Session'),
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.create-same-path-returns-existing',
    level: 'MUST',
    title: 'A second create with the same path and name returns the existing session',
    source: 'Create a new session, or return an existing session if a session of the same name already exists',
    reference: doc('api_sessions_post'),
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.create-same-name-returns-existing',
    level: 'SHOULD',
    title: 'A create with the name of an existing session (another path) returns that session, as the spec words it',
    source: 'Create a new session, or return an existing session if a session of the same name already exists',
    reference: `${doc('api_sessions_post')}; SHOULD although stated: jupyter_server, whose API this is, keys create-or-return on the path (${HANDLERS}#L84), so the spec's "name" is not read the same way by its own implementation`,
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.list-contains-created',
    level: 'MUST',
    title: 'The list of sessions contains every session created and not deleted',
    source: 'GET /api/sessions | List available sessions; 200 | List of current sessions',
    reference: doc('api_sessions_get'),
    basis: 'stated',
    operations: ['listSessions', 'createSession'],
  },
  {
    id: 'jupyter.list-omits-deleted',
    level: 'MUST',
    title: 'A deleted session is no longer listed',
    source: '204 | Session (and kernel) were deleted; 200 | List of current sessions',
    reference: `${doc('api_sessions_session_delete')}; ${DOCS}#api_sessions_get`,
    basis: 'stated',
    operations: ['listSessions', 'deleteSession'],
  },
  {
    id: 'jupyter.get-by-id',
    level: 'MUST',
    title: 'GET /api/sessions/{session} returns that session',
    source: 'GET /api/sessions/{session} | Get session; session: session uuid',
    reference: doc('api_sessions_session_get'),
    basis: 'stated',
    operations: ['getSession'],
  },
  {
    id: 'jupyter.patch-renames',
    level: 'MUST',
    title: 'PATCH changes the path and name of a session, and the change persists',
    source: 'PATCH /api/sessions/{session} | This can be used to rename the session.',
    reference: doc('api_sessions_session_patch'),
    basis: 'stated',
    operations: ['updateSession', 'getSession'],
  },
  {
    id: 'jupyter.patch-without-body-400',
    level: 'MUST',
    title: 'PATCH without a body answers 400',
    source: '400 | No data provided',
    reference: doc('api_sessions_session_patch'),
    basis: 'stated',
    operations: ['updateSession'],
  },
  {
    id: 'jupyter.unknown-kernel-501',
    level: 'SHOULD',
    title: 'A create naming a kernel that does not exist answers 501 with {message, short_message}',
    source: '501 | Session not available',
    reference: `${spec('L444-L453', 'POST /api/sessions 501')}; not stated: the spec does not say when 501 is sent; jupyter_server sends it for a kernel name it does not know (${HANDLERS}#L96-L105)`,
    basis: 'seen-in-code',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.failed-create-leaves-nothing',
    level: 'SHOULD',
    title: 'A create that fails (4xx, 501) leaves no session behind',
    source: '501 | Session not available',
    reference: `${doc('api_sessions_post')}; not stated: an answer of failure is read as "nothing was created", as in jupyter_server (${HANDLERS}#L84-L107)`,
    basis: 'inferred',
    operations: ['createSession', 'listSessions'],
  },
  {
    id: 'jupyter.delete-returns-204',
    level: 'MUST',
    title: 'Deleting a session answers 204',
    source: '204 | Session (and kernel) were deleted',
    reference: doc('api_sessions_session_delete'),
    basis: 'stated',
    operations: ['deleteSession'],
  },
  {
    id: 'jupyter.deleted-session-404',
    level: 'SHOULD',
    title: 'After a delete, GET of the session answers 404',
    source: '204 | Session (and kernel) were deleted',
    reference: `${doc('api_sessions_session_delete')}; not stated: the spec documents no answer for a deleted id; jupyter_server answers 404 "Session not found" (${SESSION_MANAGER}#L420-L430)`,
    basis: 'seen-in-code',
    operations: ['deleteSession', 'getSession'],
  },
  {
    id: 'jupyter.unknown-id-404',
    level: 'SHOULD',
    title: 'GET, PATCH and DELETE of an unknown session id answer 404',
    source: 'session: session uuid',
    reference: `${doc('api_sessions_session_get')}; not stated: the spec documents no answer for an unknown id; jupyter_server answers 404 "Session not found" (${SESSION_MANAGER}#L420-L430)`,
    basis: 'seen-in-code',
    operations: ['getSession', 'updateSession', 'deleteSession'],
  },
  {
    id: 'jupyter.create-invalid-4xx',
    level: 'SHOULD',
    title: 'A create without path or type is refused with a 4xx, never a 5xx',
    source: 'raise web.HTTPError(400, "Missing field in JSON data: path") (jupyter_server); The 5xx (Server Error) class of status code indicates that the server is aware that it has erred or is incapable of performing the requested method.',
    reference: `${HANDLERS}#L63-L73; https://www.rfc-editor.org/rfc/rfc9110#section-15.6; not stated: the spec makes every Session property optional and documents no 4xx for a create`,
    basis: 'seen-in-code',
    operations: ['createSession'],
  },
  {
    id: 'jupyter.auth-required',
    level: 'MUST',
    title: 'When a token is configured, requests without it are refused (401 or 403)',
    source: 'it is important to restrict access to the server. For this reason, Jupyter Server uses a token-based authentication that is on by default. … When token authentication is enabled, the server uses a token to authenticate requests.',
    reference: `${SECURITY}#security-in-the-jupyter-server (copy: ${SECURITY_COPY})`,
    basis: 'stated',
    operations: ['listSessions', 'createSession', 'getSession', 'updateSession', 'deleteSession'],
  },
  {
    id: 'jupyter.model-store',
    level: 'MUST',
    title: 'Any sequence of create, rename, get, list and delete agrees with a model of the session store',
    source: 'Create a new session, or return an existing session if a session of the same name already exists; This can be used to rename the session.; Get session; List available sessions; Delete a session',
    reference: `${DOCS} (copy: ${DOCS_COPY}), all operations; the model's creates repeat path and name together`,
    basis: 'stated',
    operations: ['createSession', 'updateSession', 'getSession', 'listSessions', 'deleteSession'],
  },
];
