import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectReport } from '../../harness/reporting/rule-reporter';
import { HOSTILE_MODES, startHostileTarget, type HostileMode, type HostileStats } from '../support/hostile-server';
import { runSuite } from '../support/run-suite';
import { MarkedProcesses, RssSampler } from './process-tree';

/**
 * One test of each spec file of the Jupyter suite, so every operation meets the hostile target and a child run
 * stays short (each failed test costs Playwright a new worker): create (sessions), get/patch/delete of an
 * unknown id (errors), list without a token (auth), and the model-based property with its shrinking.
 */
export const SUITE_SAMPLE = ['@jupyter.create-returns-201', '@jupyter.unknown-id-404', '@jupyter.auth-required', '@jupyter.model-store'];

/** The per-request bound of the child runs: small, since the target's stalls are what is under test. */
export const REQUEST_TIMEOUT_MS = 1_500;
/** Modes that answer at once keep the default, so a busy machine cannot turn their failures into timeouts. */
const PROMPT_MODE_TIMEOUT_MS = 10_000;
const STALLING_MODES: readonly HostileMode[] = ['hang', 'dribble'];

/**
 * Playwright's own bound on a child run (its global timeout): a hang outside any test ends here, with a report
 * and a message. Loose on purpose: nine runs share a busy 2-core machine, and most of a run is starting node
 * processes (Playwright starts a new worker after each failed test). The tight bound is the one on each test.
 */
export const CHILD_RUN_TIMEOUT_MS = 240_000;
/** Past this our test kills the run's processes itself (then the test fails: the run had to be killed). */
const HARD_KILL_MS = 270_000;

/**
 * The other providers get a target of their own (never contacted: only the jupyter project runs), so the child
 * run starts no bundled mock: less CPU and memory per run, and no mock port that another run on this machine
 * may hold.
 */
const UNUSED = 'http://127.0.0.1:9/unused';
const NO_MOCKS: Record<string, string> = {
  ETHERPAD_BASE_URL: UNUSED, ETHERPAD_API_KEY: 'unused',
  COVIU_BASE_URL: UNUSED, COVIU_API_KEY: 'unused', COVIU_API_SECRET: 'unused',
  WEBIDA_BASE_URL: UNUSED, WEBIDA_TOKEN: 'unused', WEBIDA_WORKSPACE_ID: 'unused',
  G4_BASE_URL: UNUSED, G4_AUTHORIZATION: 'apikey unused', G4_TENANT: 'unused', G4_USERNAME: 'unused', G4_PASSWORD: 'unused',
};

export interface HostileRun {
  readonly mode: HostileMode;
  readonly exitCode: number;
  readonly durationMs: number;
  readonly peakRssBytes: number;
  readonly rssSamples: number;
  /** True when the run outlived HARD_KILL_MS and was killed. */
  readonly killed: boolean;
  readonly output: string;
  readonly reportDir: string;
  readonly server: HostileStats;
  readonly requestTimeoutMs: number;
}

export function requestTimeoutFor(mode: HostileMode): number {
  return STALLING_MODES.includes(mode) ? REQUEST_TIMEOUT_MS : PROMPT_MODE_TIMEOUT_MS;
}

/** Runs the suite sample against a fresh hostile target of the mode, measuring time and memory. */
export async function runAgainstHostile(mode: HostileMode): Promise<HostileRun> {
  const target = await startHostileTarget(mode);
  const processes = new MarkedProcesses(`${mode}-${randomBytes(6).toString('hex')}`);
  const sampler = new RssSampler(processes);
  let killed = false;
  const hardKill = setTimeout(() => {
    killed = true;
    processes.killAll();
  }, HARD_KILL_MS);
  sampler.start();
  try {
    const requestTimeoutMs = requestTimeoutFor(mode);
    const run = await runSuite(['--project=jupyter', '--grep', SUITE_SAMPLE.map((t) => `${t.replace(/\./g, '\\.')}(?=\\s|$)`).join('|')], {
      ...NO_MOCKS,
      ...processes.env,
      JUPYTER_BASE_URL: target.url,
      JUPYTER_TOKEN: target.token,
      CONFORMANCE_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
      CONFORMANCE_RUN_TIMEOUT_MS: String(CHILD_RUN_TIMEOUT_MS),
      CONFORMANCE_WORKERS: '2',
      FC_NUM_RUNS: '2',
      // Our range of mock ports (one block of 10 per mode), should a bundled mock start after all.
      MOCK_PORT_BASE: String(49_000 + 10 * HOSTILE_MODES.indexOf(mode)),
    }, HARD_KILL_MS + 10_000);
    const { peakBytes, samples } = sampler.stop();
    return {
      mode,
      exitCode: run.exitCode,
      durationMs: run.durationMs,
      peakRssBytes: peakBytes,
      rssSamples: samples,
      killed,
      output: run.output,
      reportDir: run.reportDir,
      server: target.stats(),
      requestTimeoutMs,
    };
  } finally {
    sampler.stop();
    clearTimeout(hardKill);
    await target.close();
  }
}

/**
 * The runs of several modes side by side, done once per outer test run: after a failed test Playwright
 * starts a new worker and runs `beforeAll` again; the cache (keyed by the runner's pid) keeps that from
 * repeating the child runs.
 */
export async function hostileRunsOnce(key: string, modes: readonly HostileMode[]): Promise<Map<HostileMode, HostileRun>> {
  const cache = join(tmpdir(), `sc-hostile-${process.ppid}-${key}.json`);
  let runs: HostileRun[];
  if (existsSync(cache)) {
    runs = JSON.parse(readFileSync(cache, 'utf8')) as HostileRun[];
  } else {
    runs = await Promise.all(modes.map((mode) => runAgainstHostile(mode)));
    writeFileSync(cache, JSON.stringify(runs));
  }
  return new Map(runs.map((r) => [r.mode, r]));
}

export function reportOf(run: HostileRun): ProjectReport {
  const file = join(run.reportDir, 'jupyter', 'rules.json');
  if (!existsSync(file)) throw new Error(`${run.mode}: no rules.json (exit ${run.exitCode}); output:\n${run.output.slice(-3000)}`);
  return JSON.parse(readFileSync(file, 'utf8')) as ProjectReport;
}

/** Durations of the child run's tests, from its junit.xml. */
export function childTestTimes(run: HostileRun): { name: string; ms: number }[] {
  const file = join(run.reportDir, 'junit.xml');
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/<testcase name="([^"]*)"[^>]*\btime="([\d.]+)"/g)].map((m) => ({ name: m[1]!, ms: Number(m[2]) * 1000 }));
}

/** One line per run for the test's output and the closing note. */
export function describeRun(run: HostileRun, report?: ProjectReport): string {
  const mb = (run.peakRssBytes / 2 ** 20).toFixed(0);
  const longest = Math.max(0, ...childTestTimes(run).map((t) => t.ms));
  return `${run.mode}: exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(1)} s (longest test ${(longest / 1000).toFixed(1)} s), peak RSS ${mb} MiB (${run.rssSamples} samples)${report ? `; ${report.summary}` : ''}`;
}
