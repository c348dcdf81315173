import type { Credentials } from '../../harness/http/contract-client';

/** HTTP Basic `api_key:api_key_secret`, as the token endpoint authenticates the client. */
export function basicCredentials(key: string, secret: string): Credentials {
  const encoded = Buffer.from(`${key}:${secret}`).toString('base64');
  return { apply: (req) => void (req.headers.authorization = `Basic ${encoded}`) };
}

/** A bearer value sent as it is (a wrong or made-up token, for the auth rules). */
export function bearer(token: string): Credentials {
  return { apply: (req) => void (req.headers.authorization = `Bearer ${token}`) };
}

export interface Grant {
  readonly accessToken: string;
  /** Seconds, as the token endpoint says; undefined when it does not say. */
  readonly expiresInS?: number;
}

/** When a grant without `expires_in` is renewed anyway. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;

/**
 * The access token of one worker, shared by its tests: fetched on first use and renewed shortly before it
 * expires (a tenth of its lifetime early, at least a second), so no request goes out with a stale token.
 */
export class TokenStore {
  private current: { token: string; renewAtMs: number } | undefined;
  private pending: Promise<string> | undefined;

  async token(fetchGrant: () => Promise<Grant>): Promise<string> {
    if (this.current && Date.now() < this.current.renewAtMs) return this.current.token;
    this.pending ??= fetchGrant()
      .then((g) => {
        const lifetimeMs = g.expiresInS === undefined ? DEFAULT_LIFETIME_MS : g.expiresInS * 1_000;
        this.current = { token: g.accessToken, renewAtMs: Date.now() + lifetimeMs - Math.max(1_000, lifetimeMs / 10) };
        return g.accessToken;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

/** A token store per target root: the batched self-proof's fault namespaces are targets of their own. */
export class TokenStores {
  private readonly stores = new Map<string, TokenStore>();

  for(baseUrl: string): TokenStore {
    let store = this.stores.get(baseUrl);
    if (!store) this.stores.set(baseUrl, (store = new TokenStore()));
    return store;
  }
}

/** `Authorization: Bearer <access token>`, the token coming from (and renewed through) the token endpoint. */
export function bearerCredentials(store: TokenStore, fetchGrant: () => Promise<Grant>): Credentials {
  return {
    async apply(req) {
      req.headers.authorization = `Bearer ${await store.token(fetchGrant)}`;
    },
  };
}
