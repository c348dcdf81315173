import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { Provider } from './define';

/** The checkout's root. */
export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Folders holding one folder per provider, each with its `provider.ts`: the checkout's `suites/`, unless the
 * internal CONFORMANCE_PROVIDER_ROOTS (path-delimited) names others, e.g. to add a provider defined in tests/.
 */
export function providerRoots(): string[] {
  const roots = process.env.CONFORMANCE_PROVIDER_ROOTS?.trim();
  return roots ? roots.split(delimiter).filter(Boolean).map((r) => resolve(REPO_ROOT, r)) : [join(REPO_ROOT, 'suites')];
}

/** Where each provider's declaration is, by name, sorted by name; found without loading any. */
export function providerFiles(roots = providerRoots()): { readonly name: string; readonly file: string }[] {
  const found = new Map<string, string>();
  for (const root of roots) {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      const file = join(root, entry.name, 'provider.ts');
      if (entry.isDirectory() && existsSync(file) && !found.has(entry.name)) found.set(entry.name, file);
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => ({ name, file }));
}

function isProvider(v: unknown): v is Provider {
  return typeof v === 'object' && v !== null && 'contract' in v && 'variables' in v && typeof (v as Provider).settings === 'function';
}

const loaded = new Map<string, Provider>();

/**
 * Every declared provider, by position, then name. The harness never imports a provider: the composition roots
 * (the Playwright config, scripts, tests) call this, and the harness's own test files find them the same way.
 */
export function discoverProviders(roots = providerRoots()): Provider[] {
  const providers = providerFiles(roots).map(({ name, file }) => {
    const cached = loaded.get(file);
    if (cached) return cached;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(file) as Record<string, unknown>).filter(isProvider);
    const provider = exported.find((p) => p.name === name);
    if (!provider) throw new Error(`${file} exports no provider named "${name}" (defineProvider({ name: '${name}', … }))`);
    loaded.set(file, provider);
    return provider;
  });
  return providers.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}

/** The providers by name. */
export function providersByName(providers: readonly Provider[] = discoverProviders()): Record<string, Provider> {
  return Object.fromEntries(providers.map((p) => [p.name, p]));
}
