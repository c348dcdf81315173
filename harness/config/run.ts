import { randomBytes } from 'node:crypto';
import { envInt, envString } from './env';

/** Settings that hold for every provider in a run. */
export interface RunSettings {
  /** Per-request bound. */
  readonly requestTimeoutMs: number;
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
}

export function runSettings(): RunSettings {
  const seed = envString('FC_SEED');
  return {
    requestTimeoutMs: envInt('CONFORMANCE_REQUEST_TIMEOUT_MS', 10_000, 100),
    maxResponseBytes: envInt('CONFORMANCE_MAX_RESPONSE_BYTES', 10 * 1024 * 1024, 1024),
    reportDir: envString('CONFORMANCE_REPORT_DIR') ?? 'reports',
    fcNumRuns: envString('FC_NUM_RUNS') === undefined ? undefined : envInt('FC_NUM_RUNS', 1, 1),
    fcSeed: seed === undefined ? undefined : envInt('FC_SEED', 0, -(2 ** 31)),
    fcPath: envString('FC_PATH'),
    fcReplayPath: envString('FC_REPLAY_PATH'),
  };
}

/**
 * A short id naming what this run creates (session paths, names), so the run only ever looks at and
 * deletes its own data. One per worker process; `CONFORMANCE_RUN_ID` pins it.
 */
export const RUN_ID: string = envString('CONFORMANCE_RUN_ID') ?? `sc${randomBytes(4).toString('hex')}`;
