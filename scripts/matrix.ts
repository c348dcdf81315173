/**
 * Every real implementation we can run, side by side:
 *   npm run matrix [-- [--public-url <address of the published matrix folder>] [<target id> …]]
 * Starts each installed target of targets/registry.ts in turn, runs its provider's suite with its baseline,
 * always stops it, and writes <CONFORMANCE_REPORT_DIR or reports>/matrix/{matrix.json,index.html,badges/}.
 * A target that is not installed is shown as such (an error with CONFORMANCE_REQUIRE_REAL=1).
 * Exit status: 0 every column green with its baseline; 1 a column breaks its contract; 2 a column could not
 * be checked (or is not installed, when required); 130 interrupted. Everything is written first.
 */
import { join, resolve } from 'node:path';
import { HARNESS_VERSION } from '../harness/reporting/project-report';
import { foldMatrix, type MatrixTargetInput } from '../harness/reporting/matrix/model';
import { realTargets } from '../targets/registry';
import type { RealTarget } from '../targets/types';
import { runTarget } from './matrix/run-target';
import { matrixCatalogues } from './matrix/sources';
import { writeMatrix } from './matrix/write';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

interface Args {
  readonly publicUrl?: string;
  readonly only: readonly string[];
}

function parseArgs(argv: readonly string[]): Args {
  let publicUrl: string | undefined;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--public-url') publicUrl = argv[++i];
    else if (a.startsWith('--public-url=')) publicUrl = a.slice('--public-url='.length);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}; usage: npm run matrix -- [--public-url <url>] [<target id> …]`);
    else only.push(a);
  }
  if (publicUrl !== undefined && !/^https?:\/\/\S+$/.test(publicUrl)) throw new Error(`--public-url must be an http(s) address, got "${publicUrl ?? ''}"`);
  const unknown = only.filter((id) => !realTargets.some((t) => t.id === id));
  if (unknown.length) throw new Error(`unknown target ${unknown.join(', ')}; registered: ${realTargets.map((t) => t.id).join(', ')}`);
  return { publicUrl, only };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const targets = realTargets.filter((t) => !args.only.length || args.only.includes(t.id));
  for (const t of targets) if (!SAFE_ID.test(t.id)) throw new Error(`target id "${t.id}" must match ${SAFE_ID} (it names files and anchors)`);
  const matrixDir = resolve(process.env.CONFORMANCE_REPORT_DIR?.trim() || 'reports', 'matrix');
  const requireReal = process.env.CONFORMANCE_REQUIRE_REAL === '1';
  const log = (line: string) => console.log(`[matrix] ${line}`);

  const interrupt = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupt.signal.aborted) return;
    log(`${sig}: interrupting the run under way; its target is stopped and the matrix written with what is done`);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = Date.now();
  const results: MatrixTargetInput[] = [];
  for (const t of targets) results.push({ ...identity(t), outcome: await outcomeOf(t, { matrixDir, signal: interrupt.signal, log }) });

  const model = foldMatrix({
    date: new Date(started),
    harnessVersion: HARNESS_VERSION,
    wallMs: Date.now() - started,
    requireReal,
    interrupted: interrupt.signal.aborted,
    catalogues: matrixCatalogues(),
    targets: results,
  });
  writeMatrix(matrixDir, model, { publicUrl: args.publicUrl });

  console.log('\nImplementation matrix:');
  for (const c of model.columns) {
    const time = c.wallMs !== undefined ? ` (${(c.wallMs / 1000).toFixed(1)} s)` : '';
    console.log(`  ${c.green ? 'GREEN' : c.state.toUpperCase().padEnd(5)} ${c.id} ${c.apiVersion ? `[reported: ${c.apiVersion}] ` : ''}${c.verdict}${time}`);
  }
  if (requireReal && model.columns.some((c) => c.state === 'not-installed')) console.log('  CONFORMANCE_REQUIRE_REAL=1: every registered target must be installed');
  console.log(`  ${model.columns.length} target${model.columns.length === 1 ? "" : "s"} in ${(model.wallMs / 1000).toFixed(1)} s; ${join(matrixDir, 'index.html')}, matrix.json, badges/`);
  return model.exitCode;
}

function identity(t: RealTarget): Omit<MatrixTargetInput, 'outcome'> {
  return { id: t.id, provider: t.provider, name: t.name, pinnedVersion: t.version, baseline: t.baseline };
}

async function outcomeOf(t: RealTarget, options: Parameters<typeof runTarget>[1]): Promise<MatrixTargetInput['outcome']> {
  if (options.signal.aborted) return { kind: 'not-run', reason: 'the matrix was interrupted before its turn' };
  let missing: string | null;
  try {
    missing = t.missing();
  } catch (e) {
    return { kind: 'ran', exitCode: 2, wallMs: 0, problem: `could not tell whether it is installed: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (missing !== null) {
    options.log(`${t.id}: not installed: ${missing}`);
    return { kind: 'not-installed', reason: missing };
  }
  return runTarget(t, options);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
