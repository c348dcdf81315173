import { expect, test } from '@playwright/test';
import { HUGE_BODY_BYTES, type HostileMode } from '../support/hostile-server';
import { hostileModeTests, reasons } from './hostile-expectations';
import { describeRun, hostileRunsOnce, reportOf, type HostileRun } from './hostile-run';

/**
 * Targets whose wire misbehaves: no answer, an answer too slow to finish, a reset connection, an endless body,
 * a redirect elsewhere. All five child runs go side by side; the tests below read what each produced.
 */
const MODES: readonly HostileMode[] = ['hang', 'dribble', 'reset', 'huge', 'redirect'];
let runs: Map<HostileMode, HostileRun>;

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000); // beyond the child runs' own bounds (hostile-run.ts)
  runs = await hostileRunsOnce('wire', MODES);
  for (const run of runs.values()) console.log(`  hostile ${describeRun(run)}`);
});

const runOf = (mode: HostileMode) => () => runs.get(mode)!;
for (const mode of MODES) hostileModeTests(mode, runOf(mode));

test.describe('hostile target "huge"', () => {
  test('the suite stops reading each answer past CONFORMANCE_MAX_RESPONSE_BYTES', () => {
    const { server } = runOf('huge')();
    const api = server.hugeBodies.filter((b) => /\/api\/sessions\b/.test(b.request));
    expect(api.length, 'huge answers to the suite').toBeGreaterThan(0);
    for (const body of api) {
      expect(body.complete, `${body.request} was read to the end`).toBe(false);
      expect(body.bytesWritten, body.request).toBeLessThan(HUGE_BODY_BYTES / 2);
    }
  });
});

test.describe('hostile target "redirect"', () => {
  test('no redirect is followed, and the report shows the 302 and the 307 as undocumented statuses, not a pass', () => {
    const run = runOf('redirect')();
    const report = reportOf(run);
    expect(run.server.statuses).toEqual(expect.arrayContaining([302, 307]));
    // The 307s point at this very server: a client that followed one would have been seen here.
    expect(run.server.redirectTargetHits, 'requests that followed a redirect').toBe(0);
    const transcripts = report.rules.map((r) => r.transcript ?? '').join('\n');
    expect(transcripts).toMatch(/^< 302 /m);
    expect(transcripts).toMatch(/^< 307 /m);
    expect(transcripts, 'a request to where a redirect pointed').not.toMatch(/^#\d+ \w+ \S*(192\.0\.2\.1|__redirect-target)/m);
    const undocumented = report.coverage.flatMap((c) => c.undocumented.map((u) => u.status));
    expect(undocumented).toEqual(expect.arrayContaining([302, 307]));
    const documented = report.rules.find((r) => r.id === 'jupyter.status-documented')!;
    expect(documented.status, reasons(report)).toBe('warn');
    expect(documented.reason).toMatch(/status 30[27] is not documented/);
  });
});
