import { resolve } from 'node:path';
import { baseline, secret, url } from '../../../../harness/config/settings';
import { defineProvider, type SettingsOf } from '../../../../harness/provider/define';
import { memoContract } from '../../contracts/memo';
import { MEMO_MOCK_TOKEN } from '../../mocks/memo/defaults';
import { memoFaults } from '../../mocks/memo/faults';

/**
 * The toy provider of docs/adding-a-provider.md: everything the harness derives (project, mock, ports, fault
 * self-proof, secrets proof, reports) comes from this declaration. Found only when CONFORMANCE_PROVIDER_ROOTS
 * names tests/new-provider/suites (tests/self-proof/new-provider.spec.ts), so users never see it.
 */
export const memoProvider = defineProvider({
  name: 'memo',
  title: 'Memo (example)',
  contract: memoContract,
  variables: {
    baseUrl: url('MEMO_BASE_URL', { doc: 'the API root (the memos are at `/memos`)', defaultDoc: 'bundled mock', example: 'http://127.0.0.1:8080' }),
    token: secret('MEMO_TOKEN', { doc: 'sent as `Authorization: Bearer <t>`; without it the auth rule is skipped', defaultDoc: "the mock's token", mock: MEMO_MOCK_TOKEN, mockShown: '(set)' }),
    baseline: baseline('MEMO_BASELINE'),
  },
  settings: (v): { token?: string } => ({ token: v.token }),
  /** A token the server refuses would fail every check: say so once. */
  async preflight(settings, http) {
    const headers: Record<string, string> = settings.token ? { authorization: `Bearer ${settings.token}` } : {};
    const res = await http.send({ method: 'GET', url: `${settings.baseUrl}/memos/preflight`, headers, timeoutMs: 10_000 });
    if (res.status === 401) return settings.token ? 'the server refuses MEMO_TOKEN (answered 401); check the token' : 'the server requires a token (answered 401); set MEMO_TOKEN';
    return undefined;
  },
  mock: { module: resolve(__dirname, '../../mocks/memo/index.ts'), faults: memoFaults },
});

export type MemoSettings = SettingsOf<typeof memoProvider>;
