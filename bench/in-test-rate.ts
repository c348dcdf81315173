import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runChild, runDir } from './child-run';

export interface InTestRates {
  /** Requests per block; rates are per block, in order: block k follows k × block earlier requests. */
  readonly block: number;
  /** As a plain test sends them: each request a report step at the test's top level. */
  readonly topLevel: readonly number[];
  /** The same, inside one enclosing `test.step`. */
  readonly enclosed: readonly number[];
  /** As a property's search sends them: one step per run of ten, the requests counted in it. */
  readonly propertyRuns: readonly number[];
}

/** Runs bench/probe (one Playwright test) and reads the rates it measured. */
export async function inTestRates(block: number, blocks: number, timeoutMs = 120_000): Promise<InTestRates> {
  const dir = runDir('sc-bench-probe-');
  const out = join(dir, 'rates.json');
  const env = { BENCH_PROBE_DIR: dir, BENCH_PROBE_OUT: out, BENCH_PROBE_BLOCK: String(block), BENCH_PROBE_BLOCKS: String(blocks) };
  const run = await runChild(['playwright', 'test', '-c', resolve(__dirname, 'probe/playwright.config.ts')], env, timeoutMs);
  if (run.exitCode !== 0) throw new Error(`bench/probe exited with ${run.exitCode}:\n${run.output.slice(-2000)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as InTestRates;
}
