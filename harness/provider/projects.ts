import type { PlaywrightTestProject } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { envString } from '../config/env';
import type { Provider } from './define';
import { REPO_ROOT } from './discover';
import { FAULT_COPY_MARK } from '../fixtures/fault-copies';
import { controlPort, faultUrl, mockPort } from './ports';

export type ConformanceProject = PlaywrightTestProject<{}, { provider: string; targetUrlOverride: string | undefined }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folder of a provider's suite: where its declaration is. */
function suiteDir(provider: Provider, files: readonly { name: string; file: string }[]): string {
  const found = files.find((f) => f.name === provider.name);
  if (!found) throw new Error(`no declaration file for provider "${provider.name}"`);
  return dirname(found.file);
}

/**
 * One project per provider (`npx playwright test --project=jupyter`); the global setup checks its target first
 * (harness/provider/global-setup.ts). With `selfProof`, for every mock fault a project that runs only the checks of
 * the fault's rule against the mock's namespace for that fault, and one per `together` set against the whole suite;
 * `batched`, the same checks as copies of the tests in one project per provider (`<provider>~faults`).
 */
export function conformanceProjects(
  providers: readonly Provider[],
  files: readonly { name: string; file: string }[],
  options: { readonly selfProof: boolean; readonly batched?: boolean; readonly names?: readonly string[] },
): ConformanceProject[] {
  const names = options.names ?? files.map((f) => f.name);
  const dir = (p: Provider) => relative(REPO_ROOT, suiteDir(p, files)) || '.';
  const copies = new RegExp(escape(FAULT_COPY_MARK));
  const main: ConformanceProject[] = providers.map((p) => ({
    name: p.name,
    testDir: `./${dir(p)}`,
    workers: p.workers,
    ...(options.batched ? { grepInvert: copies } : {}),
    use: { provider: p.name, targetUrlOverride: undefined },
    metadata: { provider: p.name },
  }));
  if (options.batched) {
    // Every fault copy of a provider's tests (harness/fixtures/fault-copies.ts), in the workers of one project:
    // twice the suite's, since the `together` copies run the whole suite, waits and all, once per set.
    return [
      ...main,
      ...providers.filter((p) => p.mock).map((p) => ({
        name: `${p.name}~faults`,
        testDir: `./${dir(p)}`,
        workers: 2 * p.workers,
        grep: copies,
        use: { provider: p.name, targetUrlOverride: undefined },
        metadata: { provider: p.name, faultCopies: true },
      })),
    ];
  }
  if (!options.selfProof) return main;
  const faults = providers.flatMap((p) => {
    const catalogue = p.mock?.faults;
    if (!catalogue) return [];
    const project = (suffix: string, fault: string, grep?: RegExp): ConformanceProject => {
      const url = faultUrl(p.name, fault, names);
      return { name: `${p.name}~${suffix}`, testDir: `./${dir(p)}`, workers: p.workers, ...(grep ? { grep } : {}), use: { provider: p.name, targetUrlOverride: url }, metadata: { provider: p.name, targetUrlOverride: url } };
    };
    return [
      ...catalogue.list.map((f) => project(f.name, f.name, new RegExp(`${escape(`@${f.rule}`)}(?=\\s|$)`))),
      // Several faults at once, against the whole suite: each must still be caught by its own rule.
      ...catalogue.together.map((set) => project(set.join('+'), set.join(','))),
    ];
  });
  return [...main, ...faults];
}

/** The `--project` filters of a Playwright command line (none: every project). */
export function projectFilters(argv: readonly string[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--project' && argv[i + 1] !== undefined) filters.push(argv[++i]!);
    else if (arg.startsWith('--project=')) filters.push(arg.slice('--project='.length));
  }
  return filters;
}

/** As Playwright matches `--project`: case-insensitive, `*` a wildcard. */
function matches(filter: string, name: string): boolean {
  const pattern = new RegExp(`^${filter.split('*').map(escape).join('.*')}$`, 'i');
  return pattern.test(name);
}

/** The providers a run selects: each with a project that a `--project` filter names (all, without filters). */
export function selectedProviders(providers: readonly Provider[], projects: readonly ConformanceProject[], filters: readonly string[]): Provider[] {
  if (!filters.length) return [...providers];
  const chosen = new Set(projects.filter((p) => filters.some((f) => matches(f, p.name!))).map((p) => p.use!.provider!));
  return providers.filter((p) => chosen.has(p.name));
}

/**
 * Worker processes a run needs when CONFORMANCE_WORKERS leaves it open: those its selected projects declare,
 * added up, so the projects' waits overlap and no project waits for a free slot.
 */
export function declaredWorkers(projects: readonly ConformanceProject[], filters: readonly string[]): number {
  const selected = filters.length ? projects.filter((p) => filters.some((f) => matches(f, p.name!))) : projects;
  return Math.max(1, selected.reduce((n, p) => n + (typeof p.workers === 'number' ? p.workers : 1), 0));
}

/** What `mocks/serve.ts` starts: which mocks on which ports, and the key its health check answers. */
export interface MockServePlan {
  readonly control: number;
  readonly mocks: readonly { readonly name: string; readonly port: number; readonly module: string }[];
  /** Names the checkout, the plan, MOCK_FAULTS and the mocks' configuration: a server for another run has another. */
  readonly key: string;
}

/** The env variable that hands the plan to `mocks/serve.ts`. */
export const MOCK_SERVE_PLAN = 'MOCK_SERVE_PLAN';

/**
 * The mocks a run needs: those of the selected providers whose *_BASE_URL is unset, and, in the self-proof
 * (whose fault projects always run against the mock), every selected provider's.
 */
export function mockServePlan(selected: readonly Provider[], options: { readonly selfProof: boolean; readonly names: readonly string[] }): MockServePlan {
  const mocks = selected
    .filter((p) => p.mock && (options.selfProof || p.usesMock()))
    .map((p) => ({ name: p.name, port: mockPort(p.name, options.names), module: p.mock!.module }));
  const control = controlPort();
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ checkout: REPO_ROOT, control, mocks, faults: envString('MOCK_FAULTS') ?? '' }));
  // The mocks read their providers' variables too (tokens, tenants, TTL): hashed, never shown.
  for (const p of selected) for (const v of p.variables) hash.update(`${v.env}=${envString(v.env) ?? ''}\n`);
  for (const m of mocks) hashTree(hash, dirname(m.module));
  return { control, mocks, key: hash.digest('hex').slice(0, 16) };
}

/** The sources of a mock: a server started from older ones is not the one this run asks for. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) hashTree(hash, path);
    else if (name.endsWith('.ts')) hash.update(readFileSync(path));
  }
}
