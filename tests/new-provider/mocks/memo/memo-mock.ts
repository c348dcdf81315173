import { randomUUID } from 'node:crypto';
import { memoContract } from '../../contracts/memo';
import type { FaultName } from '../../../../mocks/core/faults';
import type { MockDefinition, MockRequest, MockResponse } from '../../../../mocks/core/mock-server';
import { memoFaults } from './faults';

interface MemoState {
  readonly memos: Map<string, string>;
  /** Every id the mock handed out, deleted or not: `unknown-id-410` answers only ids never made. */
  readonly issued: Set<string>;
}

type Req = MockRequest<FaultName<typeof memoFaults>>;

const MEMO_PATH = /^\/memos\/(?<id>[\w-]+)$/;
const error = (status: number, message: string): MockResponse => ({ status, body: { message } });

function view(id: string, text: string, req: Req): Record<string, unknown> {
  return req.faults.has('text-missing') ? { id } : { id, text };
}

function notFound(id: string, req: Req, state: MemoState): MockResponse {
  return req.faults.has('unknown-id-410') && !state.issued.has(id) ? error(410, 'Gone') : error(404, `no memo ${id}`);
}

/** A stateful Memo API (tests/new-provider/contracts/memo/memo-api.md) with a bearer token. */
export function memoMock(options: { readonly token: string }): MockDefinition<MemoState, FaultName<typeof memoFaults>> {
  return {
    contract: memoContract.openapi,
    faults: memoFaults,
    newState: () => ({ memos: new Map(), issued: new Set() }),
    before(req) {
      if (req.faults.has('auth-ignored') || req.headers.authorization === `Bearer ${options.token}`) return undefined;
      return error(401, 'Unauthorized');
    },
    routes: [
      {
        method: 'POST',
        pattern: /^\/memos$/,
        operationId: 'createMemo',
        handle(req, state) {
          let text: unknown;
          try {
            text = (JSON.parse(req.body) as { text?: unknown }).text;
          } catch {
            return error(400, 'the body is not JSON');
          }
          if (typeof text !== 'string') return error(400, 'text must be a string');
          const id = randomUUID();
          state.memos.set(id, text);
          state.issued.add(id);
          const status = req.faults.has('create-returns-200') ? 200 : 201;
          return { status, body: view(id, text, req), headers: { location: `${req.mount}/memos/${id}` } };
        },
      },
      {
        method: 'GET',
        pattern: MEMO_PATH,
        operationId: 'getMemo',
        handle(req, state) {
          const id = req.params.id!;
          const text = state.memos.get(id);
          return text === undefined ? notFound(id, req, state) : { status: 200, body: view(id, text, req) };
        },
      },
      {
        method: 'DELETE',
        pattern: MEMO_PATH,
        operationId: 'deleteMemo',
        handle(req, state) {
          const id = req.params.id!;
          if (!state.memos.has(id)) return notFound(id, req, state);
          if (!req.faults.has('delete-noop')) state.memos.delete(id);
          return { status: 204 };
        },
      },
    ],
  };
}
