import { randomUUID } from 'node:crypto';
import { expect, rules, test } from './fixtures';
import { runPath, tokenCredentials } from './jupyter-api';

test.describe('Jupyter sessions: authentication', () => {
  test('without the token, every operation is refused', rules('jupyter.auth-required'), async ({ jupyter, check, settings, recorder }) => {
    if (!settings.token) {
      recorder.skip('jupyter.auth-required', 'JUPYTER_TOKEN is not set: the target is taken to run without authentication');
      return;
    }
    const id = randomUUID();
    const anonymous = { auth: false } as const;
    const answers = [
      await jupyter.list(anonymous),
      await jupyter.create({ path: runPath('anonymous'), name: 'anonymous', type: 'notebook' }, anonymous),
      await jupyter.get(id, anonymous),
      await jupyter.patch(id, { name: 'anonymous' }, anonymous),
      await jupyter.delete(id, anonymous),
    ];
    for (const res of answers) {
      await check('jupyter.auth-required', () => {
        expect([401, 403], `${res.exchange.method} ${new URL(res.exchange.url).pathname} without a token`).toContain(res.status);
      });
    }
    const wrongToken = await jupyter.list({ auth: tokenCredentials('wrong-token', settings.tokenIn) });
    await check('jupyter.auth-required', () => {
      expect([401, 403], 'GET /api/sessions with a wrong token').toContain(wrongToken.status);
    });
  });
});
