import { defineFaults } from '../core/faults';

/** Ways the Etherpad mock can break the contract; each names the rule that must catch it. */
export const etherpadFaults = defineFaults('etherpad', [
  { name: 'info-valid-until-string', rule: 'etherpad.response-schema', description: 'getSessionInfo answers data.info.validUntil as a string' },
  { name: 'text-content-type', rule: 'etherpad.json-content-type', description: 'answers are sent as text/plain' },
  { name: 'post-not-routed', rule: 'etherpad.status-documented', description: 'POST is not routed: 404 code 3 "no such function", as before Etherpad 1.8' },
  { name: 'create-ok-201', rule: 'etherpad.code-0-http-200', description: 'a successful createSession answers HTTP 201' },
  { name: 'code1-http-200', rule: 'etherpad.code-1-http-400', description: 'code 1 answers have HTTP 200, as real Etherpad sends them' },
  { name: 'code2-http-400', rule: 'etherpad.code-2-http-500', description: 'code 2 answers have HTTP 400' },
  { name: 'code4-http-403', rule: 'etherpad.code-4-http-401', description: 'code 4 answers have HTTP 403' },
  { name: 'create-no-session-id', rule: 'etherpad.create-returns-session-id', description: 'createSession answers code 0 with data {} (the session is stored, its id not told)' },
  { name: 'info-valid-until-ms', rule: 'etherpad.session-info-round-trip', description: 'getSessionInfo answers validUntil in milliseconds' },
  { name: 'info-flat', rule: 'etherpad.session-info-wrapped', description: 'getSessionInfo answers the record flat in data, without info, as real Etherpad does' },
  { name: 'delete-answers-record', rule: 'etherpad.delete-session-ok', description: 'deleteSession answers code 0 with the deleted record as data' },
  { name: 'delete-noop', rule: 'etherpad.deleted-session-refused', description: 'deleteSession answers code 0 but keeps the session' },
  { name: 'delete-unknown-ok', rule: 'etherpad.unknown-session-refused', description: 'deleteSession of an unknown session answers code 0 (an "idempotent" delete)' },
  { name: 'unknown-group-created', rule: 'etherpad.unknown-group-refused', description: 'createSession with an unknown groupID creates that group on the fly' },
  { name: 'unknown-author-accepted', rule: 'etherpad.unknown-author-refused', description: 'createSession does not check the authorID' },
  { name: 'past-accepted', rule: 'etherpad.valid-until-past-refused', description: 'a validUntil in the past is accepted' },
  { name: 'missing-valid-until-never-expires', rule: 'etherpad.valid-until-non-numeric-refused', description: 'an empty or missing validUntil makes a session that never expires' },
  { name: 'trailing-junk-ignored', rule: 'etherpad.valid-until-trailing-junk-refused', description: 'validUntil "<digits>abc" is read as <digits> (parseInt), as real Etherpad does' },
  { name: 'negative-never-expires', rule: 'etherpad.valid-until-negative-refused', description: 'a negative validUntil makes a session that never expires' },
  { name: 'fraction-truncated', rule: 'etherpad.valid-until-fractional-refused', description: 'validUntil "<future>.5" is truncated to an integer, as real Etherpad does with strings' },
  { name: 'valid-until-ms', rule: 'etherpad.valid-until-unix-seconds', description: 'validUntil is read as milliseconds' },
  { name: 'refused-create-stored', rule: 'etherpad.refused-create-leaves-nothing', description: 'a createSession refused for its validUntil still stores the session' },
  { name: 'auth-ignored', rule: 'etherpad.auth-required', description: 'requests without the apikey are served' },
  { name: 'body-before-auth', rule: 'etherpad.auth-before-body', description: 'a malformed body answers 500 code 2 before the apikey is checked, as real Etherpad does' },
  { name: 'query-wins', rule: 'etherpad.post-body-precedence', description: 'a query parameter wins over the same POST body field' },
  { name: 'post-skips-author-check', rule: 'etherpad.get-post-agree', description: 'createSession by POST does not check the authorID' },
  { name: 'author-list-keeps-deleted', rule: 'etherpad.model-store', description: 'listSessionsOfAuthor still lists deleted sessions' },
  { name: 'delete-group-loses-author-index', rule: 'etherpad.delete-group-cleans-sessions', description: 'after deleteGroup, listSessionsOfAuthor answers code 1 "sessionID does not exist", as real Etherpad 1.8.14 does' },
], {
  textContentType: 'text-content-type',
  together: [
    // As Etherpad 1.8.14 does: code 1 with HTTP 200, a flat getSessionInfo, validUntil read with parseInt.
    ['code1-http-200', 'info-flat', 'trailing-junk-ignored'],
    ['create-ok-201', 'unknown-author-accepted', 'author-list-keeps-deleted'],
  ],
});
