import type { MockDefinition, MockRequest, MockResponse } from './mock-server';

/** One request a route of the mock answered, as the target saw it. */
export interface RecordedExchange {
  readonly method: string;
  /** Path below the mount point. */
  readonly path: string;
  readonly mount: string;
  readonly query: URLSearchParams;
  readonly headers: MockRequest['headers'];
  readonly body: string;
  readonly status: number;
  /** The answer's JSON body (parsed from `raw` when a fault sent it as text), if any. */
  readonly answer: unknown;
}

export interface RecordingMock<S> {
  /** The mock, unchanged but for the recording. */
  readonly definition: MockDefinition<S>;
  /** Everything its routes answered, in order. */
  readonly exchanges: RecordedExchange[];
  /** Called with every exchange as it is answered, before the answer leaves. */
  onExchange(listener: (e: RecordedExchange) => void): void;
  /**
   * Called with every exchange before its answer leaves; may hold the answer back (a slow target) or answer
   * something else instead (a failing one). Exchanges are recorded as answered.
   */
  intercept(handler: Interceptor): void;
}

export type Interceptor = (e: RecordedExchange) => Promise<MockResponse | void> | MockResponse | void;

/**
 * Wraps a mock so that the test knows everything the target handed out (ids of sessions, groups, …): some APIs
 * cannot list what they hold (Etherpad groups, G4 sessions), so "the run's data is gone" needs the ids the
 * target answered with, read back afterwards through the public API.
 */
export function recordingMock<S>(definition: MockDefinition<S>): RecordingMock<S> {
  const exchanges: RecordedExchange[] = [];
  const listeners: ((e: RecordedExchange) => void)[] = [];
  const interceptors: Interceptor[] = [];
  const record = (req: MockRequest, answer: MockResponse): RecordedExchange => ({
    method: req.method, path: req.path, mount: req.mount, query: req.query, headers: req.headers, body: req.body,
    status: answer.status, answer: answer.body ?? parseRaw(answer.raw),
  });
  const routes = definition.routes.map((route) => ({
    ...route,
    handle: async (req: MockRequest, state: S): Promise<MockResponse> => {
      let answer = await route.handle(req, state);
      for (const intercept of interceptors) answer = (await intercept(record(req, answer))) ?? answer;
      const e = record(req, answer);
      exchanges.push(e);
      for (const listener of listeners) listener(e);
      return answer;
    },
  }));
  return {
    definition: { ...definition, routes },
    exchanges,
    onExchange: (l) => void listeners.push(l),
    intercept: (h) => void interceptors.push(h),
  };
}

function parseRaw(raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
