import { STORE_RUNS } from '../suites/jupyter/model/store-property';
import type { FailureTimeResult } from './failure-time';
import { millis, mib, ratio, seconds, table, verdict } from './format';
import type { FullRunResult } from './full-run';
import type { InTestRates } from './in-test-rate';
import type { Machine } from './machine';
import { REAL_CLOCK_PROPERTIES, type ScalingResult } from './property-scaling';
import type { ThroughputResult } from './client-throughput';

const rps = (x: number) => `${Math.round(x)}/s`;

export function machineSection(m: Machine, loadAtEnd: number): string {
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}`,
    `Load average (1 min): ${m.load1.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end (other jobs on the machine skew every figure)`,
  ].join('\n');
}

export function throughputSection(results: readonly ThroughputResult[], inTest: InTestRates | undefined): string {
  const rows = [['concurrency', 'raw undici', 'our client', 'ratio (≥ 0.50)', 'CPU/request raw', 'CPU/request ours', 'target']];
  for (const r of results) {
    rows.push([String(r.concurrency), rps(r.raw.rps), rps(r.ours.rps), ratio(r.ratio), `${Math.round(r.raw.cpuUsPerRequest)} µs`, `${Math.round(r.ours.cpuUsPerRequest)} µs`, verdict(r.ratio >= 0.5)]);
  }
  const lines = [
    '1. Requests per second, in-process Jupyter mock, GET /api/sessions (5 sessions) and GET /api/sessions/{id} alternately',
    '   (median of the rounds; CPU per request is this process, mock included; raw = undici request + body.json())',
    table(rows),
  ];
  const raw1 = results.find((r) => r.concurrency === 1)?.raw.rps;
  if (inTest) {
    const blocks = inTest.topLevel.map((_, i) => `requests ${i * inTest.block}–${(i + 1) * inTest.block}`);
    const vsRaw = (xs: readonly number[]) => (raw1 ? ratio(xs[xs.length - 1]! / raw1) : '—');
    lines.push(
      '',
      '   Our client inside a Playwright test (bench/probe), concurrency 1',
      table([
        ['', ...blocks, 'last ÷ raw (c=1)'],
        ['a step each, at the test\'s top level (a plain test)', ...inTest.topLevel.map(rps), vsRaw(inTest.topLevel)],
        ['a step each, inside one enclosing test.step', ...inTest.enclosed.map(rps), vsRaw(inTest.enclosed)],
        ['one step per run of ten (a property\'s search)', ...inTest.propertyRuns.map(rps), vsRaw(inTest.propertyRuns)],
      ]),
      `   target: a property's requests at ≥ 0.50 × raw undici: ${raw1 ? verdict(inTest.propertyRuns[inTest.propertyRuns.length - 1]! / raw1 >= 0.5) : '—'}`,
    );
  }
  return lines.join('\n');
}

/** The wall-time target of the full run: 1.5 × the wait chain on an idle machine, 2.5 × under a load of 2. */
export function wallTarget(load: number): { readonly limit: number; readonly when: string } {
  return load < 1 ? { limit: 1.5, when: 'idle machine' } : { limit: 2.5, when: `load ${load.toFixed(1)}${load > 2.5 ? ', above the 2 the target is set for' : ''}` };
}

/** The CPU target of the full run, the whole process tree. */
export const FULL_RUN_CPU_TARGET_MS = 25_000;

export function fullRunSection(r: FullRunResult, cores: number, load: number): string {
  const u = r.run.usage;
  const target = wallTarget(load);
  const rows = [
    ['wall time, spawn to exit', seconds(r.run.wallMs), `exit ${r.run.exitCode}`],
    ['longest chain of waits', seconds(r.chain.floorMs), `${r.chain.test}, the waits below`],
    [`ratio (≤ ${target.limit.toFixed(2)}, ${target.when})`, ratio(r.ratio), verdict(r.ratio <= target.limit)],
    [`CPU of the process tree (≤ ${seconds(FULL_RUN_CPU_TARGET_MS)})`, seconds(u.cpuMs), `${verdict(u.cpuMs <= FULL_RUN_CPU_TARGET_MS)}; ÷ ${cores} cores = ${seconds(u.cpuMs / cores)} of wall at the least`],
    ['  of which', '', u.byKind.map((k) => `${k.kind} ${seconds(k.cpuMs)} (${k.processes} process${k.processes === 1 ? '' : 'es'})`).join(', ')],
    ['peak RSS of the process tree', mib(u.peakRssBytes), `summed over its processes (shared pages counted in each), ${u.maxProcesses} processes at most`],
  ];
  const lines = ['2. Full five-provider run against the mocks (npx playwright test), real clock', table([['', 'value', ''], ...rows], 'lrl')];
  lines.push('', '   Waits per test (from the suites\' timing settings):');
  lines.push(table([['test', 'must wait', 'expected', 'how'], ...r.waits.map((w) => [w.test, seconds(w.floorMs), seconds(w.expectedMs), w.how])], 'lrrl'));
  lines.push('', '   Slowest tests (junit.xml):');
  lines.push(table([['project', 'test', 'duration'], ...r.durations.slice(0, 6).map((t) => [t.project, t.title.slice(0, 80), seconds(t.ms)])], 'llr'));
  if (r.spans.length) {
    lines.push('', '   When each project ran (from the spawn; Allure results):');
    lines.push(table([['project', 'first test starts', 'last test ends'], ...r.spans.map((s) => [s.project, seconds(s.fromMs), seconds(s.toMs)])]));
  }
  return lines.join('\n');
}

export function scalingSection(s: ScalingResult): string {
  const growth = (t: ScalingResult['tests'][number]) => (Number.isFinite(t.baseMs) ? t.tenfoldMs / t.baseMs : 0);
  const steepest = [...s.tests].sort((a, b) => growth(b) - growth(a))[0];
  const row = (label: string, r: FullRunResult) => [label, seconds(r.run.wallMs), mib(r.run.usage.peakRssBytes), seconds(r.run.usage.cpuMs), `exit ${r.run.exitCode}`];
  return [
    `3. Full run with FC_NUM_RUNS=${s.n} and FC_NUM_RUNS=${10 * s.n}, one common count for every property (FC_NUM_RUNS overrides each suite's`,
    `   default: ${STORE_RUNS.mock} for the Jupyter model, 100 or 200 for Etherpad's and G4's), without the two real-clock properties (${REAL_CLOCK_PROPERTIES.join(', ')})`,
    table([
      ['', 'wall', 'peak RSS', 'CPU', ''],
      row(`FC_NUM_RUNS=${s.n}`, s.base),
      row(`FC_NUM_RUNS=${10 * s.n}`, s.tenfold),
      ['×10 runs →', ratio(s.wallRatio), ratio(s.rssRatio), ratio(s.cpuRatio), verdict(s.wallRatio <= 10 && s.rssRatio <= 10)],
    ]),
    `   Fastest-growing of the tests below: ${steepest ? `${steepest.project} "${steepest.title.slice(0, 50)}…" ${ratio(steepest.tenfoldMs / steepest.baseMs)}` : '—'}` +
      ` (linear or better: ≤ 10× → ${verdict(!steepest || steepest.tenfoldMs / steepest.baseMs <= 10)})`,
    '',
    '   Slowest tests of the ×10 run (a ratio above 10× grows faster than the runs):',
    table([['project', 'test', '×1', '×10', 'ratio'], ...s.tests.map((t) => [t.project, t.title.slice(0, 70), seconds(t.baseMs), seconds(t.tenfoldMs), ratio(t.tenfoldMs / t.baseMs)])], 'llrrr'),
    '',
    '   The real-clock properties, computed: each run waits on the clock, so ×10 runs wait ×10 (linear by construction)',
    table([
      ['property', 'runs', 'must wait', 'expected', '×10 runs', 'must wait', 'expected'],
      ...s.realClock.map((r) => [r.base.test, String(r.base.fcRuns), seconds(r.base.floorMs), seconds(r.base.expectedMs), String(r.tenfold.fcRuns), seconds(r.tenfold.floorMs), seconds(r.tenfold.expectedMs)]),
    ]),
  ].join('\n');
}

export function failureSection(f: FailureTimeResult): string {
  const c = f.child;
  const lines = [
    '4. Time to the first failing property and to its shrunk counterexample (Jupyter mock, fault create-reuses-renamed-path)',
    `   npx playwright test --project='jupyter~create-reuses-renamed-path' (CONFORMANCE_SELF_PROOF=1, random seed): ` +
      `wall ${seconds(c.run.wallMs)}, the model test ${c.testMs === undefined ? '—' : seconds(c.testMs)} (incl. replay of the counterexample), ` +
      `"Property failed after ${c.runs ?? '?'} run(s) and ${c.shrinks ?? '?'} shrink(s)", exit ${c.run.exitCode}${c.failedAsExpected ? '' : ' (NOT the expected failure)'}`,
    `   In-process fc.check of the same property through the same client (numRuns ${STORE_RUNS.mock} as on the mock), fixed seeds:`,
    table([
      ['seed', 'runs to failure', 'shrinks', 'first failure', 'shrunk counterexample', 'counterexample'],
      ...f.inProcess.map((r) => [String(r.seed), String(r.runs), String(r.shrinks), millis(r.firstFailureMs), millis(r.shrunkMs), r.counterexample.replace(/ [0-9a-f-]{36}/g, '').slice(0, 90)]),
    ], 'rrrrrl'),
  ];
  return lines.join('\n');
}
