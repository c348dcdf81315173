import type { Rule } from '../../harness/rules/types';

// The published documents, pinned; copies in contracts/coviu/upstream/ (see its README.md).
const SDK = 'https://github.com/coviu/coviu-java-sdk/blob/4bf927cb7692907bb9479a6a7ad8a99fff6f8b7d';
const COPY = 'contracts/coviu/upstream/coviu-java-sdk';
/** The operations: swagger-codegen docs of the sessions API. */
const API = `${SDK}/api/sessions/docs/SessionApi.md`;
const API_COPY = `${COPY}/api/sessions/docs/SessionApi.md`;
/** The SDK's README: usage and lifecycle prose (cancel, roles, OAuth2). */
const README = `${SDK}/README.md`;
const README_COPY = `${COPY}/README.md`;
/** Cited, not copied: the JS SDK README (wire names, upper-case roles). */
const JS_README = 'https://github.com/coviu/coviu-js-sdk/blob/f5716e216ed18a28f0d0b5d080993f811db250da/README.md';
/** Cited, not copied: API Evangelist's third-party OpenAPI profile of Coviu's public docs ("not our API"; no licence). */
const THIRD_PARTY = 'https://github.com/api-evangelist/coviu/blob/a6d95b93f71f697996afa357c77f197b0ad5b517/openapi/coviu-rest-api-openapi.json';
/** Cited, not copied: Coviu's python demo README, the only Coviu text that shows the token request on the wire. */
const PY_DEMO = 'https://github.com/coviu/coviu-api-python-demo/blob/6b3774556f6bba48baa04c687d90df317970c62e/README.md';
const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749';
const RFC6750 = 'https://www.rfc-editor.org/rfc/rfc6750';

/** Operations of SessionApi.md (`createsession`, …). */
const api = (...anchors: string[]): string => `${anchors.map((a) => `${API}#${a}`).join(', ')} (copy: ${API_COPY})`;
/** Sections of the README (`cancel-a-session`, …). */
const readme = (...anchors: string[]): string => `${anchors.map((a) => `${README}#${a}`).join(', ')} (copy: ${README_COPY})`;
/** A model doc (`Session`, `SessionPage`, …). */
const model = (name: string): string => `${SDK}/api/sessions/docs/${name}.md (copy: ${COPY}/api/sessions/docs/${name}.md)`;

/** The Coviu sessions rules. Ids are stable: baselines, tags and reports refer to them. */
export const coviuRules: readonly Rule[] = [
  // ── Every answer ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.response-schema',
    level: 'MUST',
    title: 'Every response body validates against the schema documented for its operation and status',
    source: 'Session: startTime | DateTime (not [optional]), endTime | DateTime (not [optional]); SessionPage: more | Boolean, content | List<Session> (not [optional]); UnitResponse: ok | Boolean',
    reference: `${model('Session')}; ${model('SessionPage')}; ${model('UnitResponse')}; wire names in snake_case as in ${JS_README}; schemas/coviu/`,
    basis: 'stated',
  },
  {
    id: 'coviu.json-content-type',
    level: 'SHOULD',
    title: 'JSON bodies are sent with Content-Type application/json',
    source: 'HTTP request headers — Content-Type: application/json; Accept: application/json',
    reference: `${api('createsession')}, every operation; not stated: the docs name only the headers a client sends; a JSON answer labelled as such is what that Accept asks for`,
    basis: 'inferred',
  },
  {
    id: 'coviu.status-documented',
    level: 'SHOULD',
    title: 'Answers use the status codes the contract documents for the operation',
    source: 'responses: "200" (also for a create), "400" for refused input',
    reference: `${THIRD_PARTY} (third-party profile); not stated: Coviu's own docs give no status codes; contracts/coviu/openapi.yaml`,
    basis: 'inferred',
  },

  // ── OAuth2 ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.token-client-credentials',
    level: 'MUST',
    title: 'POST /auth/token with Basic api_key:secret and grant_type=client_credentials grants a Bearer access token that the API accepts',
    source: 'follow the flow for the client credentials grant outlined in https://tools.ietf.org/html/rfc6749#section-4.4.; POST /v1/auth/token Authorization: Basic Base64(api_key:api_key_secret) Body: grant_type=client_credentials Response: 200, application/json;UTF-8 { access_token: "acces token ...", … token_type: "Bearer" … }',
    reference: `${readme('oauth2')}; ${PY_DEMO}#getting-access; ${SDK}/api/sessions/README.md, Documentation for Authorization (oauth2, Flow: application); ${RFC6749}#section-4.4`,
    basis: 'stated',
    operations: ['requestToken', 'getSessionPage'],
  },
  {
    id: 'coviu.token-bad-client-refused',
    level: 'MUST',
    title: 'A token request with a wrong api key secret is refused (400 or 401) and grants no token',
    source: 'The authorization server responds with an HTTP 400 (Bad Request) status code (unless specified otherwise) … invalid_client: Client authentication failed … The authorization server MAY return an HTTP 401 (Unauthorized) status code',
    reference: `${RFC6749}#section-5.2, the error response of the client credentials grant (${RFC6749}#section-4.4.3) that ${README}#oauth2 names`,
    basis: 'stated',
    operations: ['requestToken'],
  },
  {
    id: 'coviu.bearer-required',
    level: 'MUST',
    title: 'A request without a bearer token, or with an invalid one, is refused (a 4xx), never served',
    source: 'Coviu uses OAuth2 for controlling access to resources',
    reference: `${readme('oauth2')}; ${RFC6750}#section-3.1 (a protected resource refuses a request with an invalid token)`,
    basis: 'stated',
    operations: ['getSessionPage', 'createSession', 'getSessionById'],
  },
  {
    id: 'coviu.bearer-401',
    level: 'SHOULD',
    title: 'The refusal of a request without a valid bearer token is a 401',
    source: 'invalid_token The access token provided is expired, revoked, malformed, or invalid for other reasons. The resource SHOULD respond with the HTTP 401 (Unauthorized) status code.',
    reference: `${RFC6750}#section-3.1; SHOULD: the 401 is a SHOULD of RFC 6750, and Coviu's docs give no status`,
    basis: 'stated',
    operations: ['getSessionPage', 'createSession', 'getSessionById'],
  },

  // ── Sessions ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.create-session',
    level: 'MUST',
    title: 'A create with a future start and a later end answers the Session with its id, the requested times, name, picture and participants',
    source: 'Create a new session.; Note that it is also possible to add participants directly to the session when you\'re creating the session',
    reference: `${api('createsession')}; ${readme('create-a-session', 'add-a-participant-to-a-session')}`,
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'coviu.create-start-in-future',
    level: 'MUST',
    title: 'A create whose start lies in the past is refused with a 4xx and creates nothing',
    source: 'Note that the session start time must be in the future',
    reference: `${api('createsession')}; a refusal of the client's request is a 4xx (https://www.rfc-editor.org/rfc/rfc9110#section-15.5)`,
    basis: 'stated',
    operations: ['createSession', 'getSessionPage'],
  },
  {
    id: 'coviu.create-end-after-start',
    level: 'MUST',
    title: 'A create whose end is not after its start is refused with a 4xx and creates nothing',
    source: 'and the session end time must be after the session start time',
    reference: `${api('createsession')}; a refusal of the client's request is a 4xx (https://www.rfc-editor.org/rfc/rfc9110#section-15.5)`,
    basis: 'stated',
    operations: ['createSession', 'getSessionPage'],
  },
  {
    id: 'coviu.get-session',
    level: 'MUST',
    title: 'GET /sessions/{session_id} answers that session',
    source: 'Get a single session by id.',
    reference: api('getsessionbyid'),
    basis: 'stated',
    operations: ['getSessionById'],
  },
  {
    id: 'coviu.update-session',
    level: 'MUST',
    title: 'PUT /sessions/{session_id} changes start and end time, name and picture of a scheduled session, and the change persists',
    source: 'It is possible to update some attributes of a session, namely the start and end time, session name and image.',
    reference: api('updatesession'),
    basis: 'stated',
    operations: ['updateSession', 'getSessionById'],
  },
  {
    id: 'coviu.update-times-validated',
    level: 'SHOULD',
    title: 'An update that would put the end at or before the start is refused with a 4xx and changes nothing',
    source: 'the session end time must be after the session start time',
    reference: `${api('createsession', 'updatesession')}; not stated for an update: the sentence stands with createSession; an update that breaks it leaves an impossible session`,
    basis: 'inferred',
    operations: ['updateSession', 'getSessionById'],
  },
  {
    id: 'coviu.finished-session-frozen',
    level: 'MUST',
    title: 'An update of a session that has finished is refused with a 4xx and changes nothing',
    source: 'A session that has already finished may not be changed.',
    reference: api('updatesession'),
    basis: 'stated',
    operations: ['updateSession', 'getSessionById'],
  },

  // ── Cancel ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.cancel-session',
    level: 'MUST',
    title: 'DELETE of a session scheduled for the future answers {ok: true}, and the session is canceled: gone from the default list',
    source: 'A session that is scheduled for the future may be canceled.; includeCanceled | Boolean | Includes sessions that have been canceled.',
    reference: `${api('deletesession', 'getsessionpage')}; ${model('UnitResponse')}`,
    basis: 'stated',
    operations: ['deleteSession', 'getSessionPage'],
  },
  {
    id: 'coviu.canceled-time-set',
    level: 'SHOULD',
    title: 'A canceled session carries its canceled_time; a session that is not canceled has none',
    source: 'canceledTime | String | | [optional]; example output: canceledTime: null',
    reference: `${model('Session')}; ${readme('create-a-session')}; not stated: the field has no description; its name is read as "when it was canceled"`,
    basis: 'inferred',
    operations: ['deleteSession', 'getSessionPage', 'getSessionById'],
  },
  {
    id: 'coviu.cancel-started-refused',
    level: 'MUST',
    title: 'DELETE of a session that has started (or finished) is refused with a 4xx, and the session stays uncanceled',
    source: 'A session that has already started may not be canceled.',
    reference: api('deletesession'),
    basis: 'stated',
    operations: ['deleteSession', 'getSessionById', 'getSessionPage'],
  },
  {
    id: 'coviu.cancel-is-final',
    level: 'MUST',
    title: 'A canceled session stays canceled, whatever is sent afterwards (another cancel, an update)',
    source: 'it can not be uncanceled once it has been canceled; This operation can not be undone.',
    reference: `${api('deletesession')}; ${readme('cancel-a-session')}`,
    basis: 'stated',
    operations: ['deleteSession', 'updateSession', 'getSessionPage'],
  },
  {
    id: 'coviu.canceled-no-updates',
    level: 'MUST',
    title: 'An update of a canceled session is refused with a 4xx and changes nothing',
    source: 'A session may also be canceled, meaning it will no longer take place, no new participants can be added or removed, no updates can be applied.',
    reference: readme('cancel-a-session'),
    basis: 'stated',
    operations: ['updateSession', 'getSessionPage'],
  },
  {
    id: 'coviu.canceled-no-new-participants',
    level: 'MUST',
    title: 'Adding a participant to a canceled session is refused with a 4xx and adds nobody',
    source: 'No participants will be able to join the session after it has been canceled; … no new participants can be added',
    reference: `${api('deletesession')}; ${readme('cancel-a-session')}`,
    basis: 'stated',
    operations: ['addSessionParticipant', 'getSessionPage'],
  },
  {
    id: 'coviu.canceled-no-participant-removal',
    level: 'MUST',
    title: 'Canceling a participant of a canceled session is refused with a 4xx and the participant stays',
    source: 'no new participants can be added or removed',
    reference: readme('cancel-a-session'),
    basis: 'stated',
    operations: ['deleteSessionParticipant', 'getSessionPage'],
  },

  // ── Participants ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.participant-add',
    level: 'MUST',
    title: 'A participant added to a scheduled session is answered, readable by id, and listed in the session and its participant list',
    source: 'It is sometimes useful to add a participant to a session after the session has been created.; Get a single participant by its id.; Get the list of participants for a session.',
    reference: api('addsessionparticipant', 'getsessionparticipant', 'getsessionparticipants'),
    basis: 'stated',
    operations: ['addSessionParticipant', 'getSessionParticipant', 'getSessionParticipants', 'getSessionById'],
  },
  {
    id: 'coviu.participant-role-case',
    level: 'SHOULD',
    title: 'Roles are accepted in any case and answered in upper case (HOST, GUEST)',
    source: 'Possible values for role are `host` and `guest`. Values are not case sensitive.; example output: role: HOST',
    reference: `${readme('add-a-participant-to-a-session')}; ${JS_README} (role: 'HOST'); not stated: the upper case of the answer is only shown in examples`,
    basis: 'inferred',
    operations: ['addSessionParticipant', 'updateSessionParticipant'],
  },
  {
    id: 'coviu.participant-add-after-start',
    level: 'MUST',
    title: 'A participant can be added to a session that has started and not finished',
    source: 'It is possible to add a participant to a session that has already start',
    reference: api('addsessionparticipant'),
    basis: 'stated',
    operations: ['addSessionParticipant', 'getSessionParticipants'],
  },
  {
    id: 'coviu.participant-add-after-finish-refused',
    level: 'MUST',
    title: 'Adding a participant to a finished session is refused with a 4xx and adds nobody',
    source: 'but not to a session that has already finished.',
    reference: api('addsessionparticipant'),
    basis: 'stated',
    operations: ['addSessionParticipant', 'getSessionParticipants'],
  },
  {
    id: 'coviu.participant-update',
    level: 'MUST',
    title: "PUT /participants/{participant_id} changes name, role, picture and state, and the change persists",
    source: "It is possible to update a participant's name, role, picture, and state after it has been created.",
    reference: api('updatesessionparticipant'),
    basis: 'stated',
    operations: ['updateSessionParticipant', 'getSessionParticipant'],
  },
  {
    id: 'coviu.participant-cancel',
    level: 'MUST',
    title: 'DELETE of a participant answers {ok: true}; the participant is then hidden from the session and its participant list',
    source: 'Cancel a session participant. The participant will no longer be able to enter the session.; deletedParticipants | Boolean | Also include participants that have been removed from the session.',
    reference: api('deletesessionparticipant', 'getsessionbyid', 'getsessionparticipants'),
    basis: 'stated',
    operations: ['deleteSessionParticipant', 'getSessionById', 'getSessionParticipants'],
  },
  {
    id: 'coviu.deleted-participants-shown',
    level: 'MUST',
    title: 'With deleted_participants=true a canceled participant is shown again, in the session and its participant list, with deleted_at set',
    source: 'deletedParticipants | Boolean | Also include participants that have been removed from the session.; deletedAt | String',
    reference: `${api('getsessionbyid', 'getsessionparticipants')}; ${model('Participant')}`,
    basis: 'stated',
    operations: ['getSessionById', 'getSessionParticipants'],
  },
  {
    id: 'coviu.participant-cancel-after-finish-refused',
    level: 'MUST',
    title: 'Canceling a participant of a finished session is refused with a 4xx and the participant stays',
    source: 'A participant may not be canceled after a session has finished.',
    reference: api('deletesessionparticipant'),
    basis: 'stated',
    operations: ['deleteSessionParticipant', 'getSessionParticipants'],
  },

  // ── Listing ─────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.list-include-canceled',
    level: 'MUST',
    title: 'Canceled sessions are left out of the list unless include_canceled=true, which lists them',
    source: 'includeCanceled | Boolean | Includes sessions that have been canceled.',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage', 'deleteSession'],
  },
  {
    id: 'coviu.page-size-limit',
    level: 'MUST',
    title: 'A page holds up to 200 sessions by default and never more than 200, whatever page_size asks',
    source: 'pageSize | Integer | The number of sessions per page. Max 200. Default 200.',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.paging-complete',
    level: 'MUST',
    title: 'Pages (numbered from 0) are disjoint, hold at most page_size sessions, and together hold the whole list in its order',
    source: 'Sessions are returned one page at a time.; Integer page = 0; // Integer | The page number to return; pageSize | Integer | The number of sessions per page.',
    reference: `${readme('list-sessions')}; ${api('getsessionpage')}; page "Zero based index" also in ${THIRD_PARTY}`,
    basis: 'stated',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.paging-more-flag',
    level: 'SHOULD',
    title: '`more` is true exactly when a later page holds sessions',
    source: 'SessionPage: more | Boolean (not [optional])',
    reference: `${model('SessionPage')}; not stated: the field has no description; its name is read as "a later page holds sessions"`,
    basis: 'inferred',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.list-creation-order',
    level: 'MUST',
    title: 'Without a time filter the list is in creation order, oldest first; order=reverse lists the newest first',
    source: 'By default, the returned order is paginated with the first page containing the created sessions in chronological order (oldest created first). If you set the "order" parameter to "reverse", the newest created sessions will be returned.',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.list-time-window',
    level: 'MUST',
    title: 'With start_time and end_time the list holds exactly the sessions that start in [start_time, end_time]',
    source: 'startTime | DateTime | Includes sessions that start at or after start_time.; endTime | DateTime | Include sessions that start upto and including end_time..',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.list-time-window-order',
    level: 'MUST',
    title: 'A time-filtered list is ordered by start time, earliest first; order=reverse puts the latest start first',
    source: 'You can filter sessions by start and end time, at which stage the returned result list is ordered by start time in chronological order (rather than by creation time). The "order" parameter allows you to reverse this order',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage'],
  },
  {
    id: 'coviu.list-state-filter',
    level: 'MUST',
    title: 'state=<value> lists exactly the sessions that have a participant with that state',
    source: 'state | String | Return only sessions containing participants with the supplied state value.',
    reference: api('getsessionpage'),
    basis: 'stated',
    operations: ['getSessionPage'],
  },

  // ── Errors ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.unknown-id-404',
    level: 'SHOULD',
    title: 'Operations on an unknown session or participant id answer 404',
    source: 'The 404 (Not Found) status code indicates that the origin server did not find a current representation for the target resource',
    reference: `https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5; not stated: Coviu's docs document no answer for an unknown id (${API})`,
    basis: 'inferred',
    operations: [
      'getSessionById', 'updateSession', 'deleteSession', 'getSessionParticipants', 'addSessionParticipant',
      'getSessionParticipant', 'updateSessionParticipant', 'deleteSessionParticipant',
    ],
  },

  // ── Model-based ─────────────────────────────────────────────────────────────────────────────────
  {
    id: 'coviu.model-lifecycle',
    formerIds: ['coviu.lifecycle-model'],
    level: 'MUST',
    title: 'Any sequence of create, update, cancel, participant changes, reads and the passing of time agrees with a clock-aware model of the sessions',
    source: 'A session that is scheduled for the future may be canceled. … A session that has already started may not be canceled.; A session that has already finished may not be changed.; It is possible to add a participant to a session that has already start, but not to a session that has already finished.',
    reference: `${API} (copy: ${API_COPY}), all operations; ${README} (copy: ${README_COPY}); where the docs leave an answer open, the model accepts either`,
    basis: 'stated',
    operations: [
      'createSession', 'updateSession', 'deleteSession', 'getSessionById', 'getSessionPage', 'addSessionParticipant',
      'updateSessionParticipant', 'deleteSessionParticipant',
    ],
  },
];
