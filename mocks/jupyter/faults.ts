import { defineFaults } from '../core/faults';

/** Ways the Jupyter mock can break the contract; each names the rule that must catch it. */
export const jupyterFaults = defineFaults('jupyter', [
  { name: 'kernel-id-missing', rule: 'jupyter.response-schema', description: 'sessions are answered without kernel.id' },
  { name: 'error-body-without-message', rule: 'jupyter.error-body-schema', description: '404 answers carry {"detail": …}, not {message, reason}' },
  { name: 'text-content-type', rule: 'jupyter.json-content-type', description: 'JSON bodies are sent as text/plain' },
  { name: 'unknown-id-410', rule: 'jupyter.status-documented', description: 'GET of an unknown id answers 410, a status GET does not document' },
  { name: 'create-returns-200', rule: 'jupyter.create-returns-201', description: 'create answers 200 instead of 201' },
  { name: 'location-missing', rule: 'jupyter.create-location', description: 'create answers without a Location header' },
  { name: 'unnamed-null-name', rule: 'jupyter.unnamed-session-schema', description: 'a session created without a name is answered with name: null' },
  { name: 'create-always-new', rule: 'jupyter.create-same-path-returns-existing', description: 'every create makes a new session' },
  { name: 'create-keys-on-path-only', rule: 'jupyter.create-same-name-returns-existing', description: 'identity is the path alone, as in jupyter_server' },
  { name: 'list-omits-newest', rule: 'jupyter.list-contains-created', description: 'the list leaves out the newest session' },
  { name: 'list-keeps-deleted', rule: 'jupyter.list-omits-deleted', description: 'deleted sessions stay in the list' },
  { name: 'get-returns-first', rule: 'jupyter.get-by-id', description: 'GET by id answers the oldest session whatever the id' },
  { name: 'patch-not-persisted', rule: 'jupyter.patch-renames', description: 'PATCH answers the new name but does not store it' },
  { name: 'patch-empty-200', rule: 'jupyter.patch-without-body-400', description: 'PATCH without a body answers 200' },
  { name: 'unknown-kernel-500', rule: 'jupyter.unknown-kernel-501', description: 'an unknown kernel name answers 500' },
  { name: 'unknown-kernel-leaks-session', rule: 'jupyter.failed-create-leaves-nothing', description: 'a 501 create still stores the session' },
  { name: 'delete-returns-200', rule: 'jupyter.delete-returns-204', description: 'delete answers 200 with a body' },
  { name: 'delete-noop', rule: 'jupyter.deleted-session-404', description: 'delete answers 204 but keeps the session' },
  { name: 'unknown-id-500', rule: 'jupyter.unknown-id-404', description: 'an unknown id answers 500' },
  { name: 'missing-path-500', rule: 'jupyter.create-invalid-4xx', description: 'a create without path crashes with 500' },
  { name: 'auth-ignored', rule: 'jupyter.auth-required', description: 'requests without the token are served' },
  { name: 'create-reuses-renamed-path', rule: 'jupyter.model-store', description: 'after a rename, a create of the old path returns the renamed session' },
], {
  textContentType: 'text-content-type',
  together: [
    ['create-returns-200', 'list-keeps-deleted', 'patch-not-persisted'],
    // As jupyter-server 1.23.3 does, and a broken delete besides.
    ['unnamed-null-name', 'create-keys-on-path-only', 'delete-returns-200'],
  ],
});
