import { expect, test } from '@playwright/test';
import { jupyterProvider, type JupyterSettings } from '../../suites/jupyter/provider';
import { UndiciTransport } from '../../harness/http/transport';
import { startHostileTarget } from '../support/hostile-server';

/**
 * The report asks the target for its version (`GET <base>/api`, once per worker). That read must stop past
 * CONFORMANCE_MAX_RESPONSE_BYTES like every other. The answer here is 24 MiB of valid JSON with a version in it:
 * small enough that a reader without the bound gets all of it within its 3 s even on a busy machine, and finds
 * the version; large enough that a reader stopping at the default 10 MiB cannot have it all (what the socket
 * buffers hold on top is a few MiB).
 * It goes over the run's bounded transport, as every other request does.
 */
test('the version request for the report stops reading past CONFORMANCE_MAX_RESPONSE_BYTES', async () => {
  const target = await startHostileTarget('huge', { hugeBodyBytes: 24 * 2 ** 20 });
  const http = new UndiciTransport(10 * 2 ** 20);
  try {
    const settings: JupyterSettings = { baseUrl: target.url, usesMock: false, tokenIn: 'header', secrets: [], shown: {} };
    // As the `targetVersion` fixture does: a version the target does not tell is not an error.
    const version = await jupyterProvider.version!(settings, http).catch(() => undefined);
    const [body] = target.stats().hugeBodies;
    expect(body?.request).toMatch(/^GET \/huge\/api$/);
    expect(body?.complete, 'the 24 MiB answer was read to the end').toBe(false);
    expect(version, 'a version taken from an answer larger than the bound').toBeUndefined();
  } finally {
    await http.close();
    await target.close();
  }
});
