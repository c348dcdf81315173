import type { Rule } from '../../harness/rules/types';

// The published documents (spec 0.2.0), pinned; copies in contracts/webida/upstream/ (see its README.md).
const REPO = 'https://github.com/webida/webida-restful-api/blob/590132bf866a0c38d5abe148539b03ca51b1223e';
const COPY = 'contracts/webida/upstream/webida-restful-api';
const SPEC = `${REPO}/api-spec/swagger.yaml`;
const SPEC_COPY = `${COPY}/api-spec/swagger.yaml`;
const DOCS = `${REPO}/docs/SessionApi.md`;
const DOCS_COPY = `${COPY}/docs/SessionApi.md`;
/** The only public server of this API, for what the spec leaves open (basis seen-in-code). */
const SERVER_MINI = 'https://github.com/webida/webida-server-mini/blob/3d713796ab81a0b8b058329241d4b666933f9160/lib/components';

/** Lines of swagger.yaml (`L870-L894`) and what stands there. */
const spec = (lines: string, what: string): string => `${SPEC}#${lines}, ${what} (copy: ${SPEC_COPY})`;
/** An operation of the generated docs (`closesession`, …). */
const docs = (anchor: string): string => `${DOCS}#${anchor} (copy: ${DOCS_COPY})`;
const SESSION_MODEL = spec('L1278-L1330', 'definitions.Session');
/** closeSession gives no unit for closeAfter; the same spec gives seconds for removeWorkspace's closeAfter. */
const SECONDS = `${SPEC}#L618-L623 (removeWorkspace closeAfter: "Time in seconds to wait for all sessions save & close their data.")`;

/** The Webida session rules. Ids are stable: baselines, tags and reports refer to them. */
export const webidaRules: readonly Rule[] = [
  {
    id: 'webida.response-schema',
    level: 'MUST',
    title: 'Every response body validates against the schema documented for its operation and status',
    source: 'Session: required: id, name, state, clientAddress, connectedAt, disconnectedAt; RestOK: properties: message; RestError: required: message',
    reference: `${spec('L1058-L1079', 'definitions RestOK and RestError')}; ${SESSION_MODEL}`,
    basis: 'stated',
  },
  {
    id: 'webida.json-content-type',
    level: 'MUST',
    title: 'JSON bodies are sent with Content-Type application/json',
    source: 'produces: - application/json - application/octet-stream',
    reference: spec('L36-L38', 'produces (every operation)'),
    basis: 'stated',
  },
  {
    id: 'webida.status-documented',
    level: 'SHOULD',
    title: 'Answers use the status codes the contract documents: 200 on success, 4xx/5xx with RestError otherwise',
    source: '"200": … default: description: Error, schema: $ref: "#/definitions/RestError"',
    reference: `${spec('L870-L943', '/sessions and /sessions/{sessionId} responses')}; not stated: which status an error takes (the spec documents 200 and a default); contracts/webida/openapi.yaml`,
    basis: 'inferred',
  },
  {
    id: 'webida.find-lists-connected',
    level: 'MUST',
    title: 'findSessions lists every session the run has connected',
    source: 'get all / some webida sessions established to server; We dont define method POST here, for all sessions are made from web socket connections.',
    reference: `${docs('findsessions')}; ${SPEC}#L870-L898`,
    basis: 'stated',
    operations: ['findSessions'],
  },
  {
    id: 'webida.find-filters-by-workspace',
    level: 'MUST',
    title: 'findSessions with workspaceId lists only the sessions of that workspace, and all of them',
    source: 'workspaceId | String | find only sessions working on some given workspace',
    reference: docs('findsessions'),
    basis: 'stated',
    operations: ['findSessions'],
  },
  {
    id: 'webida.get-connected-normal',
    level: 'MUST',
    title: 'getSession returns the connected session, in state NORMAL, bound to its workspace',
    source: 'get a session object by id; NORMAL = connected, normally working; workspaceId: the id of workspace that this sessions is working on.',
    reference: `${docs('getsession')}; ${SESSION_MODEL}`,
    basis: 'stated',
    operations: ['getSession'],
  },
  {
    id: 'webida.unknown-id-404',
    level: 'SHOULD',
    title: 'getSession and closeSession of an unknown session id answer 404 with a RestError',
    source: '6) Keep common/starndard http status code semantic, as possible as we can.; default: description: Error, schema: RestError',
    reference: `${SPEC}#L5-L12 (api design rules); ${spec('L900-L943', '/sessions/{sessionId} responses')}; not stated: the status for an unknown id; 404 is HTTP's (https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)`,
    basis: 'inferred',
    operations: ['getSession', 'closeSession'],
  },
  {
    id: 'webida.close-after-required',
    level: 'MUST',
    title: 'closeSession without an integer closeAfter is refused with a 4xx and leaves the session connected',
    source: 'name: closeAfter, in: query, type: integer, … required: true',
    reference: `${spec('L929-L934', 'closeSession parameters')}; a request without a required parameter is the client's error, a 4xx (https://www.rfc-editor.org/rfc/rfc9110#section-15.5)`,
    basis: 'stated',
    operations: ['closeSession', 'getSession'],
  },
  {
    id: 'webida.close-answers-ok',
    level: 'MUST',
    title: 'closeSession of a connected session answers 200 with a RestOK',
    source: 'RestOK closeSession(sessionId, closeAfter) — close session with timeout; "200": description: OK., schema: RestOK',
    reference: `${docs('closesession')}; ${SPEC}#L920-L939`,
    basis: 'stated',
    operations: ['closeSession'],
  },
  {
    id: 'webida.close-marks-closing',
    level: 'MUST',
    title: 'After closeSession with closeAfter = N > 0 the session is CLOSING, with willCloseAt ≈ now + N seconds',
    source: 'CLOSING = socket connection will close connection by server (clinet will be notified); willCloseAt: when state becomes CLOSING, actual closing time will be updated by server.; closeAfter: Time in seconds',
    reference: `${SESSION_MODEL} (state, willCloseAt); unit: ${SECONDS}`,
    basis: 'stated',
    operations: ['closeSession', 'getSession'],
  },
  {
    id: 'webida.close-not-before',
    level: 'MUST',
    title: 'A closing session stays visible and connected until closeAfter seconds have passed',
    source: 'closeAfter | Integer | waiting time before actual closing, to let client save files and prevent reconnect',
    reference: `${docs('closesession')}; unit: ${SECONDS}`,
    basis: 'stated',
    operations: ['closeSession', 'getSession'],
  },
  {
    id: 'webida.close-eventually',
    level: 'MUST',
    title: 'Soon after closeAfter seconds the session is gone from findSessions and its socket is disconnected',
    source: 'close session with timeout; there"s no "CLOSED" / "LOST" state, for server will remove session object in registry when the server closes connection or stops waiting for reconnection for timeout.',
    reference: `${docs('closesession')}; ${SESSION_MODEL}.state; unit: ${SECONDS}`,
    basis: 'stated',
    operations: ['closeSession', 'findSessions'],
  },
  {
    id: 'webida.close-notifies-client',
    level: 'SHOULD',
    title: 'A client whose session turns CLOSING is notified over its socket before it is disconnected',
    source: 'CLOSING = socket connection will close connection by server (clinet will be notified)',
    reference: `${SESSION_MODEL}.state; not stated: how the client is notified; over its socket is our reading (webida-server-mini emits "session.closing": ${SERVER_MINI}/models/Session.js#L44-L53)`,
    basis: 'inferred',
    operations: ['closeSession'],
  },
  {
    id: 'webida.close-zero-at-once',
    level: 'SHOULD',
    title: 'closeSession with closeAfter ≤ 0 closes the session at once',
    source: 'close(closeAfter) { if (closeAfter > 0) { … } else { this._disconnect(); } } (webida-server-mini); closeAfter … default: 0 (removeWorkspace)',
    reference: `${SERVER_MINI}/models/Session.js#L45-L53; ${SECONDS}; not stated: what closeAfter ≤ 0 means for closeSession`,
    basis: 'seen-in-code',
    operations: ['closeSession', 'findSessions'],
  },
  {
    id: 'webida.close-after-timeline',
    level: 'MUST',
    title: 'For any small closeAfter N, with several sessions closed together, each stays until max(N, 0) seconds have passed and is gone soon after',
    source: 'closeAfter | Integer | waiting time before actual closing, to let client save files and prevent reconnect',
    reference: `${docs('closesession')}; unit: ${SECONDS}; probed by a fast-check property (suites/webida/close-after-property.spec.ts)`,
    basis: 'stated',
    operations: ['closeSession', 'findSessions'],
  },
  {
    id: 'webida.disconnect-shows-losing',
    level: 'SHOULD',
    title: 'A client that disconnects by itself is shown LOSING, with willLoseAt, while the server waits for it to reconnect',
    source: 'LOSING = disconnected, waiting reconnection. still accessible with api; willLoseAt: when state becomes LOSING, server will not wait for reconnection after this time.',
    reference: `${SESSION_MODEL} (state, willLoseAt); not stated: that a server waits at all; webida-server-mini removes the session at once instead (${SERVER_MINI}/SocketService.js)`,
    basis: 'inferred',
    operations: ['getSession'],
  },
  {
    id: 'webida.rest-auth-required',
    level: 'MUST',
    title: 'Session operations without the access token, or with a wrong one, answer 401',
    source: 'security: - webida-simple-auth: [] (every session operation); webida-simple-auth: type: apiKey, name: Authorization, in: header; "401": description: auth failed',
    reference: `${spec('L870-L943', 'security of the session operations')}; ${SPEC}#L946-L951 (securityDefinitions); ${SPEC}#L93-L103 (the 401 the spec gives for a failed webida-simple-auth)`,
    basis: 'stated',
    operations: ['findSessions', 'getSession', 'closeSession'],
  },
  {
    id: 'webida.socket-auth-required',
    level: 'MUST',
    title: 'A socket.io connection without the access token, or with a wrong one, makes no session',
    source: 'Session: an application session per ide instance. bound to access token',
    reference: SESSION_MODEL,
    basis: 'stated',
    operations: ['findSessions'],
  },
  {
    id: 'webida.socket-auth-refused',
    level: 'SHOULD',
    title: 'A socket.io connection without the access token, or with a wrong one, is refused (connect_error)',
    source: 'if (!params.token) { … return next(new Error(\'need token\')); } (webida-server-mini)',
    reference: `${SERVER_MINI}/SocketService.js#L30-L66; not stated: the spec does not describe the socket.io handshake at all`,
    basis: 'seen-in-code',
    operations: ['findSessions'],
  },
];
