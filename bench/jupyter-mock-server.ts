import { MockServer } from '../mocks/core/mock-server';
import { jupyterMock } from '../mocks/jupyter/jupyter-mock';
import { freePort } from '../harness/net/free-port';

export const BENCH_TOKEN = 'bench-jupyter-token';

export interface RunningMock {
  /** Root of the API, with the fault mount when one was asked for. */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The bundled Jupyter mock, in this process, on a free loopback port; `fault` mounts its fault namespace. */
export async function startJupyterMock(fault?: string): Promise<RunningMock> {
  // MOCK_FAULTS of the caller's shell must not switch faults on in the clean mock.
  const mock = new MockServer(jupyterMock({ token: BENCH_TOKEN }), '');
  const port = await mock.listen(await freePort());
  return {
    baseUrl: `http://127.0.0.1:${port}${fault ? `/__fault/${fault}` : ''}`,
    close: () => mock.close(),
  };
}
