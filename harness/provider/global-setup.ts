import type { FullConfig } from '@playwright/test';
import { PREFLIGHT_ENV, preflight } from '../preflight/preflight';
import { providersByName } from './discover';
import { projectFilters, selectedProviders, type ConformanceProject } from './projects';
import { verifyMockServer } from './verify-mock-server';

/**
 * Playwright's global setup, in the runner, after the mock server started: the mock server must be the one this
 * run asked for, and each selected provider's target must answer and take our credentials. A failed preflight
 * is one message for the whole suite (its tests are skipped for that reason, see harness/fixtures/conformance.ts),
 * not a hundred failing tests; done here, it costs no worker process.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  await verifyMockServer();
  const providers = providersByName();
  // The providers' own projects (not the self-proof's fault projects, which run against our mock).
  const projects = config.projects.filter((p) => !(p.use as { targetUrlOverride?: string }).targetUrlOverride) as unknown as ConformanceProject[];
  const selected = selectedProviders(Object.values(providers), projects, projectFilters(process.argv));
  const failed: Record<string, string> = {};
  await Promise.all(
    selected.map(async (p) => {
      const problem = await preflight(p);
      if (problem) failed[p.name] = problem;
    }),
  );
  process.env[PREFLIGHT_ENV] = JSON.stringify(failed);
}
