import { defineFaults } from '../core/faults';

/** Ways the Webida mock can break the contract; each names the rule that must catch it. */
export const webidaFaults = defineFaults('webida', [
  { name: 'connected-at-missing', rule: 'webida.response-schema', description: 'sessions are answered without the required connectedAt' },
  { name: 'text-content-type', rule: 'webida.json-content-type', description: 'JSON bodies are sent as text/plain' },
  { name: 'find-answers-206', rule: 'webida.status-documented', description: 'findSessions answers 206, a status the contract does not document' },
  { name: 'find-omits-newest', rule: 'webida.find-lists-connected', description: 'findSessions leaves out the newest session' },
  { name: 'find-ignores-workspace', rule: 'webida.find-filters-by-workspace', description: 'findSessions ignores the workspaceId filter' },
  { name: 'connected-shown-losing', rule: 'webida.get-connected-normal', description: 'getSession shows a connected session as LOSING' },
  { name: 'unknown-id-500', rule: 'webida.unknown-id-404', description: 'an unknown session id answers 500' },
  { name: 'close-after-optional', rule: 'webida.close-after-required', description: 'a missing or non-integer closeAfter is taken as 0 and closes the session' },
  { name: 'close-answers-204', rule: 'webida.close-answers-ok', description: 'closeSession answers 204 without a RestOK' },
  { name: 'close-at-once', rule: 'webida.close-marks-closing', description: 'closeSession closes at once whatever closeAfter says' },
  { name: 'will-close-at-minutes', rule: 'webida.close-marks-closing', description: 'willCloseAt is set as if closeAfter were minutes (the close itself keeps time)' },
  { name: 'close-early', rule: 'webida.close-not-before', description: 'the session is closed after a third of closeAfter' },
  { name: 'never-closes', rule: 'webida.close-eventually', description: 'a CLOSING session is never closed' },
  { name: 'keeps-socket-open', rule: 'webida.close-eventually', description: 'the session leaves the registry at its time, but its socket stays connected' },
  { name: 'find-fails-after-timed-close', rule: 'webida.close-eventually', description: 'once a closeAfter > 0 close has fired, findSessions answers 500' },
  { name: 'no-closing-notice', rule: 'webida.close-notifies-client', description: 'the client is not told that its session is CLOSING' },
  { name: 'closing-notice-misnamed', rule: 'webida.close-notifies-client', description: 'the client is told that its session is closing with an event named "closing", not session.closing' },
  { name: 'zero-waits', rule: 'webida.close-zero-at-once', description: 'closeAfter ≤ 0 waits 5 seconds instead of closing at once' },
  { name: 'find-fails-after-close-at-once', rule: 'webida.close-zero-at-once', description: 'once a closeAfter ≤ 0 close has happened, findSessions answers 500' },
  { name: 'close-timer-shared', rule: 'webida.close-after-timeline', description: 'one close timer per server: a closeSession drops the pending close of another session, which then stays CLOSING' },
  { name: 'disconnect-removes-at-once', rule: 'webida.disconnect-shows-losing', description: 'a client that leaves is removed at once instead of shown LOSING (as webida-server-mini does)' },
  { name: 'rest-auth-ignored', rule: 'webida.rest-auth-required', description: 'REST requests without the token are served' },
  { name: 'socket-auth-ignored', rule: 'webida.socket-auth-required', description: 'socket.io connections without the token are accepted and make sessions' },
  { name: 'socket-auth-kept-open', rule: 'webida.socket-auth-refused', description: 'socket.io connections without the token are kept open, though they make no session' },
  { name: 'find-answers-500', rule: 'webida.socket-auth-required', description: 'findSessions answers 500, so no list shows whether a refused connection made a session' },
], {
  textContentType: 'text-content-type',
  together: [
    ['find-omits-newest', 'never-closes', 'socket-auth-ignored'],
    ['connected-shown-losing', 'close-early', 'find-fails-after-close-at-once'],
  ],
});
