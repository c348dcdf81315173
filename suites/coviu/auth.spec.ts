import { randomBytes, randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { basicCredentials, bearer } from './oauth';
import { freshSlot, iso, runName, slotQuery } from './run-window';
import { grantOf } from './steps';

type Grant = { access_token?: string; token_type?: string; expires_in?: number };

test.describe('Coviu: OAuth2 client credentials', () => {
  test('the client credentials grant yields a Bearer token the API accepts', rules('coviu.token-client-credentials'), async ({ coviu, check, need, settings }) => {
    const res = await coviu.requestToken(basicCredentials(settings.apiKey, settings.apiSecret));
    // Whether the API takes the token can only be asked of a token that came.
    const { accessToken } = await need('coviu.token-client-credentials', () => grantOf(res));
    const grant = (res.json ?? {}) as Grant;
    await check('coviu.token-client-credentials', () => {
      expect(grant.token_type?.toLowerCase(), 'token_type').toBe('bearer');
      if (grant.expires_in !== undefined) expect(grant.expires_in, 'expires_in (seconds)').toBeGreaterThan(0);
    });
    const used = await coviu.listSessions({ ...slotQuery(freshSlot()), page_size: 1 }, { auth: bearer(accessToken) });
    await check('coviu.token-client-credentials', () => {
      expect(used.status, 'GET /sessions with the granted token').toBe(200);
    });
  });

  test('a wrong client secret grants no token', rules('coviu.token-bad-client-refused'), async ({ coviu, check, settings }) => {
    const res = await coviu.requestToken(basicCredentials(settings.apiKey, `${settings.apiSecret}-wrong`));
    await check('coviu.token-bad-client-refused', () => {
      expect([400, 401], 'POST /auth/token with a wrong secret').toContain(res.status);
      expect((res.json as Grant | undefined)?.access_token, 'no access_token').toBeUndefined();
    });
  });

  test('requests without a bearer token, or with an invalid one, are refused with 401', rules('coviu.bearer-required', 'coviu.bearer-401'), async ({ coviu, check }) => {
    const slot = freshSlot();
    const body = { session_name: runName('anonymous'), start_time: iso(slot.at(60_000)), end_time: iso(slot.at(120_000)) };
    const madeUp = bearer(`not-a-token-${randomBytes(8).toString('hex')}`);
    const answers = [
      ['GET /sessions without a token', await coviu.listSessions(slotQuery(slot), { auth: false })],
      ['POST /sessions without a token', await coviu.createSession(body, { auth: false })],
      ['GET /sessions/{id} without a token', await coviu.getSession(randomUUID(), {}, { auth: false })],
      ['GET /sessions with an invalid token', await coviu.listSessions(slotQuery(slot), { auth: madeUp })],
      ['POST /sessions with an invalid token', await coviu.createSession(body, { auth: madeUp })],
    ] as const;
    for (const [what, res] of answers) {
      await check('coviu.bearer-required', () => {
        expect(res.status, `${what}: refused`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${what}: refused`).toBeLessThan(500);
      });
      await check('coviu.bearer-401', () => expect(res.status, what).toBe(401));
    }
  });
});
