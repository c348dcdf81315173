import type { Rule } from '../../harness/rules/types';

// The published documents, pinned; copies in contracts/etherpad/upstream/ (see its README.md).
const HTTP_API = 'https://github.com/ether/etherpad-lite/blob/1.8.14/doc/api/http_api.md';
const HTTP_API_COPY = 'contracts/etherpad/upstream/etherpad-lite/http_api.md';
/** Etherpad's OpenAPI document (HTTP API 1.2.15) as APIs.guru keeps it. */
const OPENAPI = 'https://github.com/APIs-guru/openapi-directory/blob/44f3ca6e802b8a99dcbdd4578c33232931c436df/APIs/etherpad.local/1.2.15/openapi.yaml';
const OPENAPI_COPY = 'contracts/etherpad/upstream/openapi-directory/openapi-sessions-excerpt.yaml';
/** The client docs APIs.guru generated from it: its "HTTP response details" pair envelope codes and statuses. */
const CLIENT_DOCS = 'https://github.com/APIs-guru/openapi-directory/blob/88b705493b4017b08bc96a4ceeacb7081f28bff9/APIs/etherpad.local/1.2.15/python-client/docs/SessionApi.md';
const CLIENT_DOCS_COPY = 'contracts/etherpad/upstream/openapi-directory/SessionApi.md';
// Etherpad's code, for what the documents leave open (basis seen-in-code).
const SESSION_MANAGER = 'https://github.com/ether/etherpad-lite/blob/1.8.14/src/node/db/SessionManager.js';
const GROUP_MANAGER = 'https://github.com/ether/etherpad-lite/blob/1.8.14/src/node/db/GroupManager.js';

/** A section of http_api.md (`#response-format`, `#createsessiongroupid-authorid-validuntil`, …). */
const httpApi = (...anchors: string[]): string => `${anchors.map((a) => `${HTTP_API}#${a}`).join(', ')} (copy: ${HTTP_API_COPY})`;
/** Where in the OpenAPI document (paths, components). */
const openapi = (where: string): string => `${OPENAPI}, ${where} (copy, an excerpt: ${OPENAPI_COPY})`;
/** An operation of the client docs (`#create_session_using_get`). */
const clientDocs = (anchor: string): string => `${CLIENT_DOCS}#${anchor} (copy: ${CLIENT_DOCS_COPY})`;

const CREATE_SESSION = 'createsessiongroupid-authorid-validuntil';
const DELETE_SESSION = 'deletesessionsessionid';
const GET_SESSION_INFO = 'getsessioninfosessionid';

const SESSION_OPS = [
  'createSessionUsingGET', 'createSessionUsingPOST', 'getSessionInfoUsingGET', 'getSessionInfoUsingPOST',
  'deleteSessionUsingGET', 'deleteSessionUsingPOST',
] as const;
const CREATE = ['createSessionUsingGET', 'createSessionUsingPOST'] as const;
const INFO = ['getSessionInfoUsingGET', 'getSessionInfoUsingPOST'] as const;
const DELETE = ['deleteSessionUsingGET', 'deleteSessionUsingPOST'] as const;
const LISTS = ['listSessionsOfGroupUsingGET', 'listSessionsOfGroupUsingPOST', 'listSessionsOfAuthorUsingGET', 'listSessionsOfAuthorUsingPOST'] as const;

/** The Etherpad session rules. Ids are stable: baselines, tags and reports refer to them. */
export const etherpadRules: readonly Rule[] = [
  // Automatic checks of every answer (contract client).
  {
    id: 'etherpad.response-schema',
    level: 'MUST',
    title: 'Every answer is the envelope {code, message, data} and validates against the schema documented for its function and status',
    source: 'Responses are valid JSON in the following format: { "code": number, "message": string, "data": obj }',
    reference: `${httpApi('response-format')}; ${openapi('responses of /createSession, /deleteSession, /getSessionInfo')}`,
    basis: 'stated',
  },
  {
    id: 'etherpad.json-content-type',
    level: 'MUST',
    title: 'Answers are sent with Content-Type application/json',
    source: 'responses: "200": content: application/json (and so for "400", "401", "500" of every function)',
    reference: openapi('responses of /createSession, /deleteSession, /getSessionInfo'),
    basis: 'stated',
  },
  {
    id: 'etherpad.status-documented',
    level: 'SHOULD',
    title: 'Answers use the HTTP statuses the contract documents (200, 400, 401, 500)',
    source: '200 | ok (code 0); 400 | generic api error (code 1); 401 | no or wrong API key (code 4); 500 | internal api error (code 2)',
    reference: `${clientDocs('create_session_using_get')}, HTTP response details of every function; not stated: that no other status is used (the documents list these, they forbid none)`,
    basis: 'inferred',
  },
  // The pairing of envelope codes and HTTP statuses, checked on every answer.
  {
    id: 'etherpad.code-0-http-200',
    level: 'MUST',
    title: 'An answer with code 0 (ok) has HTTP status 200',
    source: '200 | ok (code 0)',
    reference: `${clientDocs('create_session_using_get')}, HTTP response details; ${openapi('"200": description: ok (code 0)')}`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  {
    id: 'etherpad.code-1-http-400',
    level: 'MUST',
    title: 'An answer with code 1 (wrong parameters) has HTTP status 400',
    source: '400 | generic api error (code 1)',
    reference: `${clientDocs('create_session_using_get')}, HTTP response details; ${openapi('"400": description: generic api error (code 1)')}`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  {
    id: 'etherpad.code-2-http-500',
    level: 'MUST',
    title: 'An answer with code 2 (internal error) has HTTP status 500',
    source: '500 | internal api error (code 2)',
    reference: `${clientDocs('create_session_using_get')}, HTTP response details; ${openapi('"500": description: internal api error (code 2)')}`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  {
    id: 'etherpad.code-4-http-401',
    level: 'MUST',
    title: 'An answer with code 4 (no or wrong API key) has HTTP status 401',
    source: '401 | no or wrong API key (code 4)',
    reference: `${clientDocs('create_session_using_get')}, HTTP response details; ${openapi('"401": description: no or wrong API key (code 4)')}`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  // createSession / getSessionInfo / deleteSession.
  {
    id: 'etherpad.create-returns-session-id',
    level: 'MUST',
    title: 'createSession of an existing group and author with a future validUntil answers code 0 with data.sessionID',
    source: 'createSession(groupID, authorID, validUntil) … creates a new session. … {code: 0, message:"ok", data: {sessionID: "s.s8oes9dhwrvt0zif"}}',
    reference: `${httpApi(CREATE_SESSION)}; ${clientDocs('create_session_using_get')}`,
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.session-info-round-trip',
    level: 'MUST',
    title: 'getSessionInfo gives back the groupID, authorID and validUntil the session was created with; validUntil is an integer',
    source: 'getSessionInfo(sessionID) … returns information about a session … {code: 0, message:"ok", data: {authorID: "a.s8oes9dhwrvt0zif", groupID: g.s8oes9dhwrvt0zif, validUntil: 1312201246}}; SessionInfo: validUntil: type: integer',
    reference: `${httpApi(GET_SESSION_INFO)}; ${openapi('components.schemas.SessionInfo')}`,
    basis: 'stated',
    operations: [...CREATE, ...INFO],
  },
  {
    id: 'etherpad.session-info-wrapped',
    level: 'SHOULD',
    title: 'getSessionInfo answers the record as data.info {id, authorID, groupID, validUntil}, as the OpenAPI document models it',
    source: '/getSessionInfo "200": data: properties: info: properties: authorID, groupID, id (type: string), validUntil (type: integer)',
    reference: `${openapi('paths./getSessionInfo.get.responses."200"')}; SHOULD although stated: http_api.md shows the record flat in data (${HTTP_API}#${GET_SESSION_INFO}), so the two documents disagree`,
    basis: 'stated',
    operations: INFO,
  },
  {
    id: 'etherpad.delete-session-ok',
    level: 'MUST',
    title: 'deleteSession of an existing session answers code 0 with data null',
    source: 'deleteSession(sessionID) … deletes a session … {code: 0, message:"ok", data: null}',
    reference: httpApi(DELETE_SESSION),
    basis: 'stated',
    operations: DELETE,
  },
  {
    id: 'etherpad.deleted-session-refused',
    level: 'MUST',
    title: 'After deleteSession, getSessionInfo and a second deleteSession of that session answer code 1',
    source: 'deletes a session … {code: 1, message:"sessionID does not exist", data: null}',
    reference: httpApi(DELETE_SESSION, GET_SESSION_INFO),
    basis: 'stated',
    operations: [...DELETE, ...INFO],
  },
  {
    id: 'etherpad.unknown-session-refused',
    level: 'MUST',
    title: 'getSessionInfo and deleteSession of an unknown or missing sessionID answer code 1',
    source: '{code: 1, message:"sessionID does not exist", data: null}; 1 wrong parameters',
    reference: httpApi(DELETE_SESSION, GET_SESSION_INFO, 'response-format'),
    basis: 'stated',
    operations: [...DELETE, ...INFO],
  },
  {
    id: 'etherpad.unknown-group-refused',
    level: 'MUST',
    title: 'createSession with an unknown or missing groupID answers code 1',
    source: '{code: 1, message:"groupID doesn\'t exist", data: null}',
    reference: httpApi(CREATE_SESSION),
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.unknown-author-refused',
    level: 'MUST',
    title: 'createSession with an unknown or missing authorID answers code 1',
    source: '{code: 1, message:"authorID doesn\'t exist", data: null}',
    reference: httpApi(CREATE_SESSION),
    basis: 'stated',
    operations: CREATE,
  },
  // validUntil: "an unix timestamp in seconds"; anything else is a wrong parameter, and wrong parameters are code 1.
  {
    id: 'etherpad.valid-until-past-refused',
    level: 'MUST',
    title: 'createSession with a validUntil in the past answers code 1',
    source: '{code: 1, message:"validUntil is in the past", data: null}',
    reference: httpApi(CREATE_SESSION),
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.valid-until-non-numeric-refused',
    level: 'MUST',
    title: 'createSession with a validUntil that is not a number (letters, empty, missing) answers code 1',
    source: 'creates a new session. validUntil is an unix timestamp in seconds; 1 wrong parameters',
    reference: httpApi(CREATE_SESSION, 'response-format'),
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.valid-until-trailing-junk-refused',
    level: 'MUST',
    title: 'createSession with a validUntil of digits followed by other characters ("1795451035abc") answers code 1',
    source: 'creates a new session. validUntil is an unix timestamp in seconds; 1 wrong parameters',
    reference: httpApi(CREATE_SESSION, 'response-format'),
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.valid-until-negative-refused',
    level: 'MUST',
    title: 'createSession with a negative validUntil answers code 1',
    source: 'validUntil is an unix timestamp in seconds; {code: 1, message:"validUntil is in the past", data: null}',
    reference: `${httpApi(CREATE_SESSION)}; a negative timestamp lies before 1970, in the past`,
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.valid-until-fractional-refused',
    level: 'MUST',
    title: 'createSession with a fractional validUntil ("<future>.5", in the query, a form or a JSON number) answers code 1',
    source: 'creates a new session. validUntil is an unix timestamp in seconds; SessionInfo: validUntil: type: integer; 1 wrong parameters',
    reference: `${httpApi(CREATE_SESSION, 'response-format')}; ${openapi('components.schemas.SessionInfo')}`,
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.valid-until-unix-seconds',
    level: 'MUST',
    title: 'validUntil is read as unix seconds: a few seconds after the target\'s now is accepted, a few seconds before it refused',
    source: 'creates a new session. validUntil is an unix timestamp in seconds … {code: 1, message:"validUntil is in the past", data: null}',
    reference: `${httpApi(CREATE_SESSION)}; ${clientDocs('create_session_using_get')}`,
    basis: 'stated',
    operations: CREATE,
  },
  {
    id: 'etherpad.refused-create-leaves-nothing',
    level: 'SHOULD',
    title: 'A createSession refused with code 1 creates no session (the group lists none)',
    source: '{code: 1, message:"validUntil is in the past", data: null}; listSessionsOfGroup(groupID) … returns all sessions of a group',
    reference: `${httpApi(CREATE_SESSION, 'listsessionsofgroupgroupid')}; not stated: no sentence says a refused call changes nothing; an error answer is read as "no session was made"`,
    basis: 'inferred',
    operations: [...CREATE, 'listSessionsOfGroupUsingGET'],
  },
  // Authentication.
  {
    id: 'etherpad.auth-required',
    level: 'MUST',
    title: 'Every session function, GET and POST, refuses a missing or wrong apikey with code 4',
    source: 'securitySchemes: ApiKey: in: query, name: apikey, type: apiKey; 4 no or wrong API Key',
    reference: `${openapi('security, components.securitySchemes')}; ${httpApi('response-format', 'authentication')}`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  {
    id: 'etherpad.auth-before-body',
    level: 'SHOULD',
    title: 'A POST without the apikey is refused with 401 code 4 whatever its body, even a malformed one',
    source: '401 | no or wrong API key (code 4)',
    reference: `${clientDocs('create_session_using_post')}, HTTP response details; not stated: the documents give code 4 for a missing key and code 1 or 2 for a request the server cannot read, and set no order between them; checking the key first tells an unauthenticated caller nothing about the body`,
    basis: 'inferred',
    operations: ['createSessionUsingPOST'],
  },
  // GET and POST.
  {
    id: 'etherpad.post-body-precedence',
    level: 'MUST',
    title: 'POST takes parameters from a form or JSON body too, and a body field wins over the same query parameter',
    source: 'it is also possible to invoke the HTTP API via POST. In this case, querystring parameters will still be accepted, but any parameter with the same name sent via POST will take precedence',
    reference: httpApi('request-format'),
    basis: 'stated',
    operations: ['createSessionUsingPOST', 'getSessionInfoUsingPOST'],
  },
  {
    id: 'etherpad.get-post-agree',
    level: 'MUST',
    title: 'The GET and POST forms of a session function give the same code and data shape for the same inputs',
    source: 'Starting from 1.8, API endpoints can be invoked indifferently via GET or POST.',
    reference: `${httpApi('request-format')}; ${clientDocs('create_session_using_post')} (the GET and POST forms share one return type)`,
    basis: 'stated',
    operations: SESSION_OPS,
  },
  // Listing and state.
  {
    id: 'etherpad.model-store',
    level: 'MUST',
    title: 'Any sequence of createSession, getSessionInfo, deleteSession, listSessionsOfGroup and listSessionsOfAuthor agrees with a model of the session store',
    source: 'creates a new session; returns information about a session; deletes a session; listSessionsOfGroup(groupID) … returns all sessions of a group; listSessionsOfAuthor(authorID) … returns all sessions of an author',
    reference: httpApi('session'),
    basis: 'stated',
    operations: [...SESSION_OPS, ...LISTS],
  },
  {
    id: 'etherpad.delete-group-cleans-sessions',
    level: 'SHOULD',
    title: 'After deleteGroup, the group\'s sessions are gone and listSessionsOfAuthor still answers code 0 without them',
    source: 'deleteGroup(groupID) … deletes a group; listSessionsOfAuthor(authorID) … returns all sessions of an author',
    reference: `${httpApi('deletegroupgroupid', 'listsessionsofauthorauthorid')}; not stated: what becomes of a deleted group's sessions; Etherpad deletes them with the group (deleteGroup in ${GROUP_MANAGER}, deleteSession in ${SESSION_MANAGER})`,
    basis: 'seen-in-code',
    operations: ['deleteGroupUsingGET', 'listSessionsOfAuthorUsingGET', ...INFO],
  },
];
