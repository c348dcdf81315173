import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bench's own probe: one test, measuring our client inside a running Playwright test. Not part of any suite. */
export default defineConfig({
  testDir: '.',
  testMatch: 'request-steps.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['null']],
  outputDir: join(process.env.BENCH_PROBE_DIR ?? tmpdir(), 'test-results'),
});
