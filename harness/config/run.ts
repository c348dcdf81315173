import { randomBytes } from 'node:crypto';
import { envInt, envString } from './env';

/** Settings that hold for every provider in a run. */
export interface RunSettings {
  /** Per-request bound. */
  readonly requestTimeoutMs: number;
  /**
   * How long a test's teardown waits for its requests still in flight (an interrupted test) before it undoes what
   * it made; a create answered later is undone at once, and the worker waits for that before it exits.
   */
  readonly teardownWaitMs: number;
  /** Bound on the size of one answer. */
  readonly maxResponseBytes: number;
  /** Where per-rule results and reports go. */
  readonly reportDir: string;
  /** fast-check: runs per property, and the seed/path of a failure to replay. */
  readonly fcNumRuns?: number;
  readonly fcSeed?: number;
  readonly fcPath?: string;
  /** `replayPath` of a shrunk `fc.commands` counterexample. */
  readonly fcReplayPath?: string;
  /** Parallel Playwright workers; the per-target caps below are shared out among them. */
  readonly workers: number;
  /** Requests in flight to one target at once, for the whole run. */
  readonly maxConcurrency: number;
  /** Requests started per second (sliding window) to one target, for the whole run; 0: unlimited. */
  readonly maxRps: number;
  /** Repeats of an idempotent request answered 429, or 503 with Retry-After. */
  readonly maxRetries: number;
  /** The longest Retry-After we wait for; an answer asking for more is reported as it is. */
  readonly maxRetryAfterS: number;
}

const RUN_ID_VARIABLE = 'CONFORMANCE_RUN_ID';

export function runSettings(): RunSettings {
  const seed = envString('FC_SEED');
  const requestTimeoutMs = envInt('CONFORMANCE_REQUEST_TIMEOUT_MS', 10_000, 100);
  return {
    requestTimeoutMs,
    teardownWaitMs: envInt('CONFORMANCE_TEARDOWN_WAIT_MS', requestTimeoutMs, 0),
    maxResponseBytes: envInt('CONFORMANCE_MAX_RESPONSE_BYTES', 10 * 1024 * 1024, 1024),
    reportDir: envString('CONFORMANCE_REPORT_DIR') ?? 'reports',
    fcNumRuns: envString('FC_NUM_RUNS') === undefined ? undefined : envInt('FC_NUM_RUNS', 1, 1),
    fcSeed: seed === undefined ? undefined : envInt('FC_SEED', 0, -(2 ** 31)),
    fcPath: envString('FC_PATH'),
    fcReplayPath: envString('FC_REPLAY_PATH'),
    workers: envInt(WORKERS_VARIABLE, 4, 1),
    maxConcurrency: envInt('CONFORMANCE_MAX_CONCURRENCY', 8, 1),
    maxRps: envInt('CONFORMANCE_MAX_RPS', 0, 0),
    maxRetries: envInt('CONFORMANCE_MAX_RETRIES', 2, 0),
    maxRetryAfterS: envInt('CONFORMANCE_MAX_RETRY_AFTER_S', 30, 0),
  };
}

/** Worker processes of the run; unset, the Playwright config sets it to what the selected projects declare. */
export const WORKERS_VARIABLE = 'CONFORMANCE_WORKERS';

/**
 * A short id naming what this run creates (session paths, names), so the run only ever looks at and deletes its
 * own data. One per run: the Playwright config pins it (`pinRunId`) before the workers start, and they inherit it
 * through `CONFORMANCE_RUN_ID`, which also lets a user pin it.
 */
export const RUN_ID: string = envString(RUN_ID_VARIABLE) ?? newRunId();

/** Sets the run id for this process and every process it starts (Playwright's workers), unless it is set. */
export function pinRunId(): string {
  const id = envString(RUN_ID_VARIABLE) ?? RUN_ID;
  process.env[RUN_ID_VARIABLE] = id;
  return id;
}

function newRunId(): string {
  return `sc${randomBytes(4).toString('hex')}`;
}
