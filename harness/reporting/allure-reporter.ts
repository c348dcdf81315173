import type { FullConfig, FullProject } from '@playwright/test';
import type { FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { AllureReporter } from 'allure-playwright';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { providersByName } from '../provider/discover';

/** The declared providers, found where the run's composition root looks for them. */
const providers = providersByName();
import { runSettings } from '../config/run';
import { REDACTED } from '../http/redact';
import { HARNESS_VERSION } from './project-report';

/** allure-playwright's options (its type names them through a subpath TypeScript cannot resolve here). */
interface AllureOptions {
  readonly resultsDir?: string;
  readonly detail?: boolean;
  readonly suiteTitle?: boolean;
  readonly environmentInfo?: Record<string, string | undefined>;
  readonly [option: string]: unknown;
}

/**
 * allure-playwright, set up for conformance runs: results in `<report dir>/allure-results` (emptied at the
 * start, like the other reports, so the directory holds one run); only test steps (one per request, see
 * ContractClient) and attachments, not Playwright's API calls, whose titles carry full URLs; each provider's
 * target as the report may show it as environment info; and, as a last guard, every configured secret
 * value scrubbed from every file it wrote. Labels (epic/feature/story) come from the tests themselves
 * (harness/reporting/allure-labels.ts), so they survive blob reports and `merge-reports`.
 */
export default class ConformanceAllureReporter extends AllureReporter {
  private readonly resultsDir: string;
  private readonly pending = new Set<Promise<void>>();

  constructor(options: AllureOptions = {}) {
    const resultsDir = resolve(options.resultsDir ?? join(runSettings().reportDir, 'allure-results'));
    const listeners = [...((options.listeners as unknown[] | undefined) ?? []), { beforeTestResultWrite: addProviderEpic }];
    super({ detail: false, suiteTitle: true, ...options, resultsDir, listeners } as ConstructorParameters<typeof AllureReporter>[0]);
    this.resultsDir = resultsDir;
  }

  override onConfigure(config: FullConfig): void {
    // allure-playwright reads `config.projects[0].outputDir` here; under `merge-reports` the projects come
    // later (onConfigure sees none) and it throws, which makes merge-reports exit 1. Its snapshot/output
    // dirs only matter for visual diffs, which API tests have none of.
    if (config.projects.length > 0) super.onConfigure(config);
    else this.config = config;
  }

  override onBegin(suite: Suite): void {
    rmSync(this.resultsDir, { recursive: true, force: true });
    const options = this.options as AllureOptions;
    this.options = { ...options, environmentInfo: { ...environmentInfo(this.config, suite), ...options.environmentInfo } } as typeof this.options;
    super.onBegin(suite);
  }

  override onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    // Playwright does not wait for a reporter's onTestEnd; onEnd does, before it scrubs the files.
    const p = super.onTestEnd(test, result).finally(() => this.pending.delete(p));
    this.pending.add(p);
    return p;
  }

  override async onEnd(_result?: FullResult): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await super.onEnd();
    scrubSecrets(this.resultsDir, configuredSecrets());
  }
}

/**
 * The harness version, the runtime, and the target of each provider the run selected, as its
 * `settings().shown` puts it (no secrets).
 */
function environmentInfo(config: FullConfig | undefined, suite: Suite): Record<string, string> {
  const info: Record<string, string> = {
    harness: `session-conformance ${HARNESS_VERSION}`,
    'Node.js': process.version,
    '@playwright/test': config?.version ?? 'unknown',
  };
  const used = new Set(
    suite.suites
      .filter((s) => s.allTests().length > 0)
      .map((s) => providerOf(s.project()))
      .filter((p): p is string => !!p),
  );
  for (const name of used) {
    try {
      for (const [k, v] of Object.entries(providers[name]?.settings().shown ?? {})) info[k] = v;
    } catch {
      // A configuration error is reported by the run itself; the environment table just leaves it out.
    }
  }
  return info;
}

/**
 * A test outside the conformance fixtures carries no labels of its own: it
 * gets its provider as epic, from its project (the `parentSuite` label), so it sits under that provider.
 */
function addProviderEpic(result: { labels: { name: string; value: string }[] }): void {
  if (result.labels.some((l) => l.name === 'epic')) return;
  const project = result.labels.find((l) => l.name === 'parentSuite')?.value;
  const provider = project?.split(/[~:]/)[0];
  if (provider && provider in providers) result.labels.push({ name: 'epic', value: provider });
}

/**
 * The provider of a project: `use.provider`, or `metadata.provider` where a blob report dropped `use`
 * (`merge-reports` sees `use: {}`), or the provider named at the start of the project name.
 */
function providerOf(project: FullProject | undefined): string | undefined {
  if (!project) return undefined;
  const named = [
    (project.use as { provider?: unknown }).provider,
    (project.metadata as { provider?: unknown } | undefined)?.provider,
    project.name.split(/[~:]/)[0],
  ];
  return named.find((p): p is string => typeof p === 'string' && p in providers);
}

/** Every secret value the providers are configured with (from the environment of this process). */
export function configuredSecrets(): string[] {
  return Object.values(providers).flatMap((p) => {
    try {
      return [...p.settings().secrets];
    } catch {
      return [];
    }
  });
}

/**
 * Replaces each secret (plain, URL-encoded, base64 and JSON-escaped) in every file under `dir`, byte for
 * byte (latin1 round trip), so neither JSON nor binary attachments are otherwise changed. Secrets shorter
 * than 4 characters are left alone, as the Redactor does.
 */
export function scrubSecrets(dir: string, secrets: readonly string[]): number {
  const variants = [
    ...new Set(
      secrets
        .filter((s) => s.length >= 4)
        .flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64'), JSON.stringify(s).slice(1, -1)]),
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .map((v) => Buffer.from(v, 'utf8').toString('latin1'));
  if (!variants.length) return 0;
  const replacement = Buffer.from(REDACTED, 'utf8').toString('latin1');
  let changed = 0;
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const before = readFileSync(path).toString('latin1');
      let after = before;
      for (const v of variants) after = after.split(v).join(replacement);
      if (after !== before) {
        writeFileSync(path, Buffer.from(after, 'latin1'));
        changed++;
      }
    }
  };
  walk(dir);
  return changed;
}
