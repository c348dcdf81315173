import type { Rule } from '../../../../harness/rules/types';

// A toy API: its "published document" is a file of this repository. A real provider cites a public URL pinned to a
// tag or commit, and the copy kept in contracts/<provider>/upstream/.
const DOC = 'tests/new-provider/contracts/memo/memo-api.md';

/** The Memo rules. Ids are stable: baselines, tags and reports refer to them. */
export const memoRules: readonly Rule[] = [
  {
    id: 'memo.response-schema',
    level: 'MUST',
    title: 'Every response body validates against the schema documented for its operation and status',
    source: 'A memo is a JSON object with a string `id` and a string `text`. … Errors are answered with a JSON body `{"message": "…"}`.',
    reference: `${DOC}, "Memos"`,
    basis: 'stated',
  },
  {
    id: 'memo.json-content-type',
    level: 'MUST',
    title: 'JSON bodies are sent with Content-Type application/json',
    source: 'Every body the API sends is JSON, sent with Content-Type application/json.',
    reference: `${DOC}, "Memos"`,
    basis: 'stated',
  },
  {
    id: 'memo.status-documented',
    level: 'SHOULD',
    title: 'Answers use the status codes the contract documents for the operation',
    source: 'It answers 201 Created … answers 200 with the memo … answers 204 No Content … answered 404 Not Found … answered 401 Unauthorized',
    reference: `${DOC}; not stated: that no other status is used (the document lists these, it forbids none)`,
    basis: 'inferred',
  },
  {
    id: 'memo.create-returns-201',
    level: 'MUST',
    title: 'Creating a memo answers 201 with the memo and a Location header naming it',
    source: 'It answers 201 Created with the memo, and a Location header naming it (`/memos/<id>`).',
    reference: `${DOC}, "Memos", POST /memos`,
    basis: 'stated',
    operations: ['createMemo'],
  },
  {
    id: 'memo.deleted-memo-404',
    level: 'MUST',
    title: 'A deleted memo, or one never made, is answered 404',
    source: 'A memo that does not exist, because it was deleted or never made, is answered 404 Not Found by GET and DELETE.',
    reference: `${DOC}, "Memos"`,
    basis: 'stated',
    operations: ['getMemo', 'deleteMemo'],
  },
  {
    id: 'memo.auth-required',
    level: 'MUST',
    title: 'Requests without a valid bearer token are refused with 401',
    source: 'A request without a valid token is answered 401 Unauthorized.',
    reference: `${DOC}, "Authentication"`,
    basis: 'stated',
    operations: ['createMemo', 'getMemo', 'deleteMemo'],
  },
];
