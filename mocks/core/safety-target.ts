import type { MockDefinition } from './mock-server';
import { MockServer } from './mock-server';
import { freePort } from '../../harness/net/free-port';
import { recordingMock, type RecordedExchange, type RecordingMock } from './recording-mock';

/**
 * A provider's bundled mock, run in the test's own process, standing in for a production system: it holds data
 * the run did not create ("foreign"), and afterwards tells what is left of it and of the run's own data, read
 * through the provider's public API.
 */
export interface SafetyTarget {
  readonly provider: string;
  /** Everything the target answered, seeding included; `runExchanges()` is what came after the seeding. */
  readonly recording: RecordingMock<unknown>;
  /** The child run's settings: this target (under its fault namespace), with the mock's credentials. */
  readonly env: Record<string, string>;
  /** Puts data on the target that the run does not create, and answers how it looks. */
  seedForeign(): Promise<unknown>;
  /** How the foreign data looks now, read in a way that changes nothing (no TTL refreshed, nothing renewed). */
  readForeign(): Promise<unknown>;
  /** The run's own data that the API could have deleted and that is still there, one line each. */
  leftovers(run: FinishedRun): Promise<string[]>;
  /** The run's own data that the API cannot delete, one line each (kept for the record, never a failure). */
  undeletable(run: FinishedRun): Promise<string[]>;
  /** True for an exchange after which the run holds data of its own on the target: a moment to interrupt it. */
  holdsData(e: RecordedExchange): boolean;
  close(): Promise<void>;
}

/**
 * How a mock stands in for a production system in the production-safety self-proof; each mock's `safety.ts`
 * exports one as `safety`.
 */
export interface SafetyDeclaration {
  /** Starts the target; `faults` names the mock's fault namespace for the run ('' for the clean mock). */
  readonly start: (faults: string) => Promise<SafetyTarget>;
  /**
   * Faults of the failing run: MUST rules break and tests fail while they hold data, but nothing the read-back
   * relies on (listing, reading, deleting) is broken.
   */
  readonly failingFaults: readonly string[];
  /** The interrupted run gets SIGINT right after this many `holdsData` exchanges: about half of a green run's. */
  readonly interruptAfter: number;
  /** Where the provider's runs stand among the others (lower first; default: by name). */
  readonly order?: number;
}

export interface FinishedRun {
  /** Our clock when the child run had exited. */
  readonly endedAt: number;
}

export interface StartedMock {
  /** Root URL of the mock, including the fault namespace (`…/__fault/<names>`, or none). */
  readonly url: string;
  /** Scheme, host and port only. */
  readonly origin: string;
  readonly mount: string;
  readonly recording: RecordingMock<unknown>;
  /** What the target answered after the seeding (`markSeeded()`). */
  runExchanges(): RecordedExchange[];
  markSeeded(): void;
  close(): Promise<void>;
}

/** Starts a recording copy of a bundled mock on a free loopback port; `faults` names a fault namespace, or ''. */
export async function startMock<S>(definition: MockDefinition<S>, faults: string): Promise<StartedMock> {
  const recording = recordingMock(definition) as RecordingMock<unknown>;
  // No global faults: the failing run gets its faults through the namespace, as the self-proof does.
  const server = new MockServer(recording.definition, '');
  const origin = `http://127.0.0.1:${await server.listen(await freePort())}`;
  const mount = faults ? `/__fault/${faults}` : '';
  let seededUpTo = 0;
  return {
    url: `${origin}${mount}`,
    origin,
    mount,
    recording,
    runExchanges: () => recording.exchanges.slice(seededUpTo),
    markSeeded: () => void (seededUpTo = recording.exchanges.length),
    close: () => server.close(),
  };
}

/** A JSON request to the mock, bounded in time; answers status and parsed body. */
export async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(5_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** Fails with what the target answered when a seeding request did not work. */
export function seeded<T>(what: string, res: { status: number; json: unknown }, value: T | undefined): T {
  if (value === undefined || value === null || value === '') throw new Error(`seeding foreign data: ${what} answered ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
  return value;
}
