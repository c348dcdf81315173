import { defineFaults } from '../../../../mocks/core/faults';

/** Ways the Memo mock can break the contract; each names the rule that must catch it. */
export const memoFaults = defineFaults('memo', [
  { name: 'text-missing', rule: 'memo.response-schema', description: 'memos are answered without their text' },
  { name: 'text-content-type', rule: 'memo.json-content-type', description: 'JSON bodies are sent as text/plain' },
  { name: 'unknown-id-410', rule: 'memo.status-documented', description: 'GET of an id never made answers 410, a status GET does not document' },
  { name: 'create-returns-200', rule: 'memo.create-returns-201', description: 'create answers 200 instead of 201' },
  { name: 'delete-noop', rule: 'memo.deleted-memo-404', description: 'delete answers 204 but keeps the memo' },
  { name: 'auth-ignored', rule: 'memo.auth-required', description: 'requests without the token are served' },
], {
  // Applied by the shared mock server to every answer, as in every mock.
  textContentType: 'text-content-type',
  together: [['create-returns-200', 'delete-noop', 'unknown-id-410']],
});
