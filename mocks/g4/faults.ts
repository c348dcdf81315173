import { defineFaults } from '../core/faults';

/** Ways the G4 mock can break the contract; each names the rule that must catch it. */
export const g4Faults = defineFaults('g4', [
  { name: 'version-missing', rule: 'g4.response-schema', description: 'AuthenticatedSessionResponse is sent without its required `version`' },
  { name: 'text-plain-content-type', rule: 'g4.json-content-type', description: 'JSON bodies are sent as text/plain' },
  { name: 'missing-session-410', rule: 'g4.status-documented', description: 'a GET of a missing session answers 410, a status no GET documents' },
  { name: 'create-access-denied', rule: 'g4.create-valid-credentials', description: 'valid credentials are answered accessAllowed false and no sessionId' },
  { name: 'wrong-credentials-session', rule: 'g4.create-wrong-credentials-no-session', description: 'wrong credentials still open a session and answer its sessionId' },
  { name: 'create-data-dropped', rule: 'g4.get-returns-data', description: 'the data given at create is not stored: GET answers data null' },
  { name: 'static-stale-data', rule: 'g4.static-get-returns-data', description: 'GET /static-session answers the data of the create, not the current data' },
  { name: 'put-merges', rule: 'g4.put-replaces-data', description: 'PUT merges object members into the old data instead of replacing it' },
  { name: 'text-json-415', rule: 'g4.put-content-types', description: 'PUT refuses Content-Type text/json with 415' },
  { name: 'nulls-dropped', rule: 'g4.data-round-trip', description: 'stored data loses object members whose value is null (an IgnoreNullValues serializer)' },
  { name: 'delete-noop', rule: 'g4.deleted-session-gone', description: 'DELETE answers 200 but keeps the session' },
  { name: 'deleted-static-500', rule: 'g4.deleted-session-gone', description: 'GET /static-session of a deleted session answers 500 instead of refusing it as missing' },
  { name: 'missing-session-204', rule: 'g4.deleted-session-404', description: 'a GET of a missing session answers 204 (ASP.NET null result) instead of 404' },
  { name: 'tenant-optional', rule: 'g4.tenant-required', description: 'without x-g4-tenant the request is served as a G4 admin that sees every tenant' },
  { name: 'cross-tenant-leak', rule: 'g4.tenant-isolation', description: 'GET, static GET and PUT find a session by id whatever the tenant' },
  { name: 'cross-tenant-write', rule: 'g4.tenant-isolation', description: 'PUT finds a session by id whatever the tenant (reads stay isolated)' },
  { name: 'other-tenant-500', rule: 'g4.tenant-isolation', description: "both GETs of another tenant's session answer 500 instead of refusing it" },
  { name: 'cross-tenant-delete', rule: 'g4.tenant-isolation', description: 'DELETE removes a session by id whatever the tenant' },
  { name: 'other-tenant-403', rule: 'g4.other-tenant-like-unknown', description: "another tenant's session answers 403 where an unknown id answers 404" },
  { name: 'auth-ignored', rule: 'g4.auth-required', description: 'requests without Authorization are served' },
  { name: 'any-authorization-accepted', rule: 'g4.auth-required', description: 'any Authorization value is accepted; only its presence is checked' },
  { name: 'no-expiry', rule: 'g4.ttl-expires', description: 'sessions never expire' },
  { name: 'expired-session-500', rule: 'g4.ttl-expires', description: 'both GETs of an expired session answer 500 instead of refusing it as missing' },
  { name: 'static-read-refreshes-ttl', rule: 'g4.ttl-static-read-no-refresh', description: 'GET /static-session refreshes the TTL like GET /session' },
  { name: 'expired-static-500', rule: 'g4.ttl-static-read-no-refresh', description: 'GET /static-session of an expired session answers 500 instead of refusing it as missing' },
  { name: 'get-does-not-slide', rule: 'g4.ttl-sliding', description: 'GET /session does not extend the TTL: sessions expire a TTL after their creation' },
  { name: 'delete-wrong-session', rule: 'g4.model-store', description: "DELETE removes the tenant's newest session instead of the one named" },
  { name: 'deleted-session-500', rule: 'g4.model-store', description: 'both GETs of a deleted session answer 500 instead of refusing it as missing' },
], {
  textContentType: 'text-plain-content-type',
  together: [
    ['put-merges', 'delete-noop', 'cross-tenant-leak'],
    ['create-data-dropped', 'text-json-415', 'missing-session-204'],
  ],
});
