import type { Rule } from '../../harness/rules/types';

// The G4 OpenAPI document is not public; these generated client docs (microsearch/g4api-rust, its only commit) are.
// The repository declares no licence, so nothing of it is copied here: cite, do not ship.
const RUST = 'https://github.com/microsearch/g4api-rust/blob/344814d7e002f936159d6f1fc8b0d43cfa8b58c4/g4api';
const SESSIONS = `${RUST}/docs/SessionsApi.md`;
/** The typed errors the generator made from the OpenAPI document: a 400 with ProblemDetails for every operation. */
const ERRORS = `${RUST}/src/apis/sessions_api.rs#L15-L48`;
/** Client code (no licence declared), for what the documents leave open (basis seen-in-code). */
const BROWSER_CLIENT = 'https://github.com/microsearch/g4-npm-packages/blob/931238612dd8a83520ec4933f610521852476795/g4api-browser/src/server-session.ts';

/** An operation of SessionsApi.md (`session_post`, …). */
const op = (...anchors: string[]): string => anchors.map((a) => `${SESSIONS}#${a}`).join(', ');
/** A model doc (`GetSessionResponse`, …). */
const model = (...names: string[]): string => names.map((n) => `${RUST}/docs/${n}.md`).join(', ');
const PUT_REPLACES = 'https://www.rfc-editor.org/rfc/rfc9110#section-9.3.4';

const ALL_OPS = ['createSession', 'getSession', 'getStaticSession', 'updateSessionData', 'deleteSession'] as const;

/** The G4 sessions rules. Ids are stable: baselines, tags and reports refer to them. */
export const g4Rules: readonly Rule[] = [
  {
    id: 'g4.response-schema',
    level: 'MUST',
    title: 'Every response body validates against the schema documented for its operation and status',
    source: 'Return type: crate::models::AuthenticatedSessionResponse / crate::models::GetSessionResponse; Status400(crate::models::ProblemDetails)',
    reference: `${op('session_post', 'session_id_get')}; ${model('AuthenticatedSessionResponse', 'GetSessionResponse', 'ProblemDetails')}; ${ERRORS}; JSON names (validCredentials, …): ${RUST}/src/models/authenticated_session_response.rs`,
    basis: 'stated',
  },
  {
    id: 'g4.json-content-type',
    level: 'SHOULD',
    title: 'JSON bodies are sent with a JSON Content-Type (application/json or application/problem+json)',
    source: 'HTTP request headers — Accept: text/plain, application/json, text/json',
    reference: `${op('session_id_get')}, every operation; not stated: the docs name only the Accept header a client sends; a JSON answer labelled as JSON is what it asks for (the suite asks for application/json)`,
    basis: 'inferred',
  },
  {
    id: 'g4.status-documented',
    level: 'SHOULD',
    title: 'Answers use the status codes the contract documents for the operation',
    source: 'SessionPostError { Status400(crate::models::ProblemDetails), UnknownValue(serde_json::Value) } (the same for every operation)',
    reference: `${ERRORS}; not stated: that no other status is used (the documents give a success and a 400 per operation, they forbid none); contracts/g4/openapi.yaml adds 204, 401, 403 and 404 with x-source`,
    basis: 'inferred',
  },
  {
    id: 'g4.create-valid-credentials',
    level: 'MUST',
    title: 'A create with valid credentials answers 200 with validCredentials and accessAllowed true and a sessionId',
    source: 'POST /session | Create a persistent session; Return type: AuthenticatedSessionResponse {valid_credentials: bool, access_allowed: bool, session_id: Option<String>, …}',
    reference: `${op('session_post')}; ${model('AuthenticatedSessionResponse')}`,
    basis: 'stated',
    operations: ['createSession'],
  },
  {
    id: 'g4.create-wrong-credentials-no-session',
    level: 'SHOULD',
    title: 'A create with wrong credentials opens no session: validCredentials and accessAllowed false, sessionId null',
    source: 'this.authentication = response.accessAllowed ? { ...response } : null; (G4 browser client, connect)',
    reference: `${BROWSER_CLIENT}; ${model('AuthenticatedSessionResponse')} (session_id: Option<String>); not stated: the documents do not say how wrong credentials are answered; the G4 service answers 200 with both flags false, and its clients read accessAllowed false as "no session"`,
    basis: 'seen-in-code',
    operations: ['createSession'],
  },
  {
    id: 'g4.get-returns-data',
    level: 'MUST',
    title: 'GET /session/{id} answers a GetSessionResponse with the data given at create',
    source: 'GET /session/{id} | Get session → GetSessionResponse {bearer: String, user_id: i32, data: Option<serde_json::Value>}; CreateSessionRequest {username, password, data: Option<serde_json::Value>, …}',
    reference: `${op('session_id_get')}; ${model('GetSessionResponse', 'CreateSessionRequest')}`,
    basis: 'stated',
    operations: ['createSession', 'getSession'],
  },
  {
    id: 'g4.static-get-returns-data',
    level: 'MUST',
    title: 'GET /static-session/{id} answers the same session and its current data',
    source: 'GET /static-session/{id} | Get session without updating ttl (internal use) → GetSessionResponse',
    reference: op('static_session_id_get'),
    basis: 'stated',
    operations: ['getStaticSession', 'updateSessionData'],
  },
  {
    id: 'g4.put-replaces-data',
    level: 'MUST',
    title: 'PUT /session/{id} replaces the session data (no merge), and GET shows the new data',
    source: 'PUT /session/{id} | Update session data; body | Option<serde_json::Value>; The PUT method requests that the state of the target resource be created or replaced with the state defined by the representation enclosed in the request message content.',
    reference: `${op('session_id_put')}; ${PUT_REPLACES}`,
    basis: 'stated',
    operations: ['updateSessionData', 'getSession'],
  },
  {
    id: 'g4.put-content-types',
    level: 'MUST',
    title: 'PUT accepts the data with each request content type the documents list',
    source: 'Content-Type: application/json-patch+json, application/json, text/json, application/_*+json',
    reference: `${op('session_id_put')}, HTTP request headers`,
    basis: 'stated',
    operations: ['updateSessionData', 'getSession'],
  },
  {
    id: 'g4.data-round-trip',
    level: 'MUST',
    title: 'Any JSON value PUT as session data comes back unchanged from GET',
    source: 'body | Option<serde_json::Value> (any JSON value); GetSessionResponse: data | Option<serde_json::Value>',
    reference: `${op('session_id_put')}; ${model('GetSessionResponse')}`,
    basis: 'stated',
    operations: ['updateSessionData', 'getSession'],
  },
  {
    id: 'g4.deleted-session-gone',
    level: 'MUST',
    title: 'After DELETE, neither GET /session/{id} nor GET /static-session/{id} returns the session',
    source: 'DELETE /session/{id} | Delete session',
    reference: op('session_id_delete'),
    basis: 'stated',
    operations: ['deleteSession', 'getSession', 'getStaticSession'],
  },
  {
    id: 'g4.deleted-session-404',
    level: 'SHOULD',
    title: 'After DELETE, both GETs of the session answer 404',
    source: 'The 404 (Not Found) status code indicates that the origin server did not find a current representation for the target resource',
    reference: `https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5; not stated: the documents give no answer for a deleted id (${op('session_id_delete')}); 204 and 404 are both plausible of ASP.NET`,
    basis: 'inferred',
    operations: ['deleteSession', 'getSession', 'getStaticSession'],
  },
  {
    id: 'g4.tenant-required',
    level: 'MUST',
    title: 'A request without x-g4-tenant is refused with 400 and a ProblemDetails body, and changes nothing',
    source: 'x_g4_tenant | String | | [required] (every session operation); Status400(crate::models::ProblemDetails)',
    reference: `${op('session_post', 'session_id_get', 'session_id_put', 'session_id_delete', 'static_session_id_get')}, parameters; ${ERRORS}`,
    basis: 'stated',
    operations: [...ALL_OPS],
  },
  {
    id: 'g4.tenant-isolation',
    level: 'SHOULD',
    title: 'A session is invisible from another tenant: not readable, not writable, not deletable there',
    source: 'x_g4_tenant | String | | [required] (every session operation)',
    reference: `${op('session_id_get')}, parameters; not stated: the documents do not say what a tenant scopes; a tenant that reaches another tenant's sessions is read as a leak`,
    basis: 'inferred',
    operations: ['getSession', 'getStaticSession', 'updateSessionData', 'deleteSession'],
  },
  {
    id: 'g4.other-tenant-like-unknown',
    level: 'SHOULD',
    title: 'Another tenant\'s session is answered exactly like an unknown id, so its existence does not leak',
    source: 'x_g4_tenant | String | | [required] (every session operation)',
    reference: `${op('session_id_get')}, parameters; not stated: an answer that differs from an unknown id's tells another tenant the session exists`,
    basis: 'inferred',
    operations: ['getSession', 'getStaticSession', 'updateSessionData', 'deleteSession'],
  },
  {
    id: 'g4.auth-required',
    level: 'MUST',
    title: 'Requests with a missing or wrong Authorization are refused (401 or 403) and change nothing',
    source: 'Authorization: [Bearer](../README.md#Bearer) (every session operation)',
    reference: `${op('session_post', 'session_id_get', 'session_id_put', 'session_id_delete', 'static_session_id_get')}, Authorization`,
    basis: 'stated',
    operations: [...ALL_OPS],
  },
  {
    id: 'g4.ttl-expires',
    level: 'MUST',
    title: 'A session nobody reads is gone once its TTL has passed',
    source: 'GET /static-session/{id} | Get session without updating ttl (internal use)',
    reference: `${op('static_session_id_get')}: sessions have a TTL; its length is the target's (G4_SESSION_TTL_S)`,
    basis: 'stated',
    operations: ['createSession', 'getStaticSession', 'getSession'],
  },
  {
    id: 'g4.ttl-static-read-no-refresh',
    level: 'MUST',
    title: 'Reads through /static-session do not extend the TTL: a session read only there expires on time',
    source: 'GET /static-session/{id} | Get session without updating ttl (internal use)',
    reference: op('static_session_id_get'),
    basis: 'stated',
    operations: ['getStaticSession'],
  },
  {
    id: 'g4.ttl-sliding',
    level: 'SHOULD',
    title: 'A read through GET /session/{id} within each TTL window keeps the session alive past its TTL (sliding)',
    source: 'GET /session/{id} | Get session; GET /static-session/{id} | Get session without updating ttl (internal use)',
    reference: `${op('session_id_get', 'static_session_id_get')}; not stated: only the contrast with "without updating ttl" says GET /session updates the TTL, and not how`,
    basis: 'inferred',
    operations: ['getSession'],
  },
  {
    id: 'g4.model-store',
    formerIds: ['g4.session-store-model'],
    level: 'MUST',
    title: 'Any sequence of create, put, get, static get and delete agrees with a model of the tenant\'s sessions',
    source: 'Create a persistent session; Get session; Update session data; Delete session; Get session without updating ttl (internal use)',
    reference: `${SESSIONS}, all operations; ${PUT_REPLACES} (PUT replaces)`,
    basis: 'stated',
    operations: [...ALL_OPS],
  },
];
