import type { FaultCatalogue } from './faults';
import { MockServer, type MockDefinition } from './mock-server';

/** A bundled mock as `mocks/serve.ts` loads it: its faults, and a server built from the environment. */
export interface BundledMock<N extends string = string> {
  readonly name: string;
  readonly faults: FaultCatalogue<N>;
  /** A new server, configured from the environment (the same variables the suite reads). */
  server(): MockServer<unknown>;
}

export function defineMock<S, N extends string>(m: { name: string; faults: FaultCatalogue<N>; create: () => MockDefinition<S> }): BundledMock<N> {
  return { name: m.name, faults: m.faults, server: () => new MockServer(m.create()) as MockServer<unknown> };
}
