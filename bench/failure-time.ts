import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchClient } from './bench-client';
import { runPlaywright, type ChildRun } from './child-run';
import { STORE_RUNS } from '../suites/jupyter/model/store-property';
import { runSettings } from '../harness/config/run';
import { Cleanup } from '../harness/fixtures/cleanup';
import { checkProperty } from '../harness/property/run-property';
import { jupyterModelProperty } from './jupyter-model-property';
import { BENCH_TOKEN, startJupyterMock } from './jupyter-mock-server';
import { testDurations } from './test-durations';

export const FAULT = 'create-reuses-renamed-path';
const PROJECT = `jupyter~${FAULT}`;

export interface InProcessFailure {
  readonly seed: number;
  readonly runs: number;
  readonly shrinks: number;
  /** From the start of the check to the first failing run, and to the recorded counterexample (shrunk, replayed once). */
  readonly firstFailureMs: number;
  readonly shrunkMs: number;
  readonly counterexample: string;
}

export interface FailureTimeResult {
  /** The self-proof project of the fault, run as a user would: wall time, the test's duration, runs and shrinks. */
  readonly child: { readonly run: ChildRun; readonly testMs?: number; readonly runs?: number; readonly shrinks?: number; readonly failedAsExpected: boolean };
  /** fast-check driven here, through the same client, against the same fault of an in-process mock. */
  readonly inProcess: readonly InProcessFailure[];
}

const ATTACHMENT_LINE = /Property failed after (\d+) run\(s\) and (\d+) shrink\(s\)/;

/**
 * Time to the first failing property and to its shrunk counterexample, on the Jupyter mock's
 * `create-reuses-renamed-path` fault (after a rename, a create of the old path returns the renamed session).
 */
export async function failureTime(portBase: number, seeds: readonly number[]): Promise<FailureTimeResult> {
  const run = await runPlaywright([`--project=${PROJECT}`], { portBase, env: { CONFORMANCE_SELF_PROOF: '1' }, timeoutMs: 180_000 });
  const counts = ATTACHMENT_LINE.exec(run.output) ?? ATTACHMENT_LINE.exec(readRules(run.reportDir));
  const test = testDurations(run.reportDir).find((t) => t.project === PROJECT);
  const child = {
    run,
    testMs: test?.ms,
    runs: counts ? Number(counts[1]) : undefined,
    shrinks: counts ? Number(counts[2]) : undefined,
    failedAsExpected: run.exitCode === 1 && counts !== null,
  };

  const mock = await startJupyterMock(FAULT);
  const inProcess: InProcessFailure[] = [];
  try {
    for (const seed of seeds) {
      const { client, transport, transcript, rules } = benchClient(mock.baseUrl, BENCH_TOKEN);
      try {
        let firstFailureMs: number | undefined;
        const started = performance.now();
        // The spec's default on the mock, through the suite's property runner: it shrinks and replays as in a run.
        const result = await checkProperty(
          {
            rule: 'jupyter.model-store', rules, cleanup: Cleanup.forTest(), transcript, defaultNumRuns: STORE_RUNS.mock,
            run: { ...runSettings(), fcNumRuns: STORE_RUNS.mock, fcSeed: seed, fcPath: undefined, fcReplayPath: undefined },
            onFirstFailure: () => (firstFailureMs ??= performance.now() - started),
          },
          jupyterModelProperty(client, rules),
        );
        const shrunkMs = performance.now() - started;
        if (result.status !== 'fail' || firstFailureMs === undefined) throw new Error(`seed ${seed}: the property did not fail on the ${FAULT} fault`);
        inProcess.push({ seed, runs: result.numRuns, shrinks: result.numShrinks, firstFailureMs, shrunkMs, counterexample: result.counterexample });
      } finally {
        await transport.close();
      }
    }
  } finally {
    await mock.close();
  }
  return { child, inProcess };
}

function readRules(reportDir: string): string {
  try {
    return readFileSync(join(reportDir, PROJECT, 'rules.json'), 'utf8');
  } catch {
    return '';
  }
}
