import type { ApiResponse, ContractClient, Credentials, SendOptions } from '../../../../harness/http/contract-client';
import type { Cleanup } from '../../../../harness/fixtures/cleanup';
import { ResourceTracker } from '../../../../harness/fixtures/tracker';

/** `Authorization: Bearer <t>`; nothing without a token. */
export function bearer(token: string | undefined): Credentials {
  return {
    apply(req) {
      if (token) req.headers.authorization = `Bearer ${token}`;
    },
  };
}

/**
 * The Memo operations, sent through the checking client. Every memo a create answers with is registered for
 * deletion after the test. It sends and tracks; the checks are the specs'.
 */
export class MemoApi {
  private readonly memos: ResourceTracker;

  constructor(readonly client: ContractClient, cleanup: Cleanup) {
    this.memos = new ResourceTracker(cleanup, 'memo');
  }

  create(text: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('createMemo', { ...options, json: { text }, onAnswer: (r) => this.track(r) });
  }

  get(id: string, options: SendOptions = {}): Promise<ApiResponse> {
    return this.client.send('getMemo', { ...options, pathParams: { memo: id } });
  }

  async delete(id: string, options: SendOptions = {}): Promise<ApiResponse> {
    const res = await this.client.send('deleteMemo', { ...options, pathParams: { memo: id } });
    if (res.status === 204) this.memos.removed(id);
    return res;
  }

  private track(res: ApiResponse): void {
    const id = (res.json as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) return;
    this.memos.created(id, () => this.client.raw('DELETE', `/memos/${id}`));
  }
}
