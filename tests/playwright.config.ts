import { defineConfig } from '@playwright/test';

/**
 * The project's own tests (`npm test`): unit tests of the core, the self-proof (every rule caught by a mock
 * fault, every clean suite green), and the suites against the real servers that can run here.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Self-proof and real-target files each drive one child run shared by their tests: keep a file in one worker.
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  globalTimeout: 25 * 60_000,
  reporter: [[process.env.CI ? 'line' : 'list']],
  outputDir: '../test-results/own-tests',
  projects: [
    { name: 'unit', testDir: './unit' },
    { name: 'self-proof', testDir: './self-proof', timeout: 15 * 60_000 },
    { name: 'real', testDir: './real', timeout: 10 * 60_000 },
    { name: 'report', testDir: './report' },
    { name: 'hostile', testDir: './hostile', timeout: 6 * 60_000 },
  ],
});
