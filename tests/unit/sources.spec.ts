import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../../harness/rules/types';
import { providersByName } from '../../harness/provider/discover';

const providers = providersByName();

/**
 * Every source the product cites is one a vendor can open: a public URL pinned to a tag or commit, or a file of this
 * repository. Nothing may point at material only the developers have (a shared folder, a numbered seed, an issue
 * number), and a rule is a MUST only when its quoted sentence states it.
 */
const ROOT = join(__dirname, '..', '..');

/** Top-level entries of the repository a cited path may start with. */
const REPO_ROOTS = ['contracts', 'schemas', 'docs', 'suites', 'harness', 'mocks', 'targets', 'tests', 'scripts', 'bench', '.github'];
/** Where the product lives: nothing in it may cite developer-only material. */
const PRODUCT = ['contracts', 'schemas', 'docs', 'README.md', 'harness', 'suites', 'mocks', 'targets', 'scripts', 'bench', '.github', '.env.example'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'reports', 'test-results']);
const TEXT = /\.(ts|mjs|js|json|ya?ml|md|rst|txt|example)$|^\.env\.example$|^LICENSE$/;

/** Files under a repo-relative path (itself if it is a file), repo-relative, `/`-separated. */
function filesUnder(path: string): string[] {
  const abs = join(ROOT, path);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [path];
  return readdirSync(abs).filter((n) => !SKIP_DIRS.has(n)).flatMap((n) => filesUnder(`${path}/${n}`));
}

/** Upstream copies are other people's text, kept byte for byte; only our README next to them is ours. */
const isUpstreamCopy = (file: string): boolean => /^contracts\/[^/]+\/upstream\//.test(file) && !file.endsWith('/upstream/README.md');

/** Texts that cite sources: rule catalogues, baselines, contracts, schemas, docs, the README. */
function citingFiles(): string[] {
  return [
    ...filesUnder('contracts').filter((f) => /\/(rules\.ts|openapi\.yaml)$|\/baselines\/[^/]+\.yaml$|\/upstream\/README\.md$/.test(f)),
    ...filesUnder('schemas').filter((f) => f.endsWith('.json')),
    ...filesUnder('docs').filter((f) => f.endsWith('.md')),
    'README.md',
  ];
}

const URL = /https?:\/\/[^\s)"'`<>\]|,;]+/g;
const PATH = new RegExp(`(?<![\\w./@-])((?:${REPO_ROOTS.map((r) => r.replace('.', '\\.')).join('|')})/[\\w./-]*)`, 'g');

/** Markdown links to a URL: their label names the upstream file, not one of ours. */
const MD_LINK = /\[[^\]]*\]\(https?:[^)]*\)/g;

/** Repo-relative paths a text cites (links and URLs removed first, so an upstream path is not taken for ours). */
export function citedPaths(text: string): string[] {
  const withoutUrls = text.replace(MD_LINK, ' ').replace(URL, ' ');
  return [...withoutUrls.matchAll(PATH)].map((m) => m[1]!.replace(/[.]+$/, ''));
}

/** A URL pinned to a version: a GitHub blob or tree at a commit or a version tag, or an RFC (never revised). */
export function isPinnedUrl(url: string): boolean {
  const github = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|tree|raw)\/([^/#?]+)/.exec(url);
  if (github) return /^[0-9a-f]{7,40}$/.test(github[1]!) || /^v?\d+(\.\d+)+$/.test(github[1]!);
  return /\/rfc\d{3,5}\b/.test(url);
}

/** Developer-only material the product must never cite. */
export const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a shared/ path', pattern: /(?<![\w-])shared\//i },
  { what: 'a notes/ path', pattern: /(?<![\w-])notes\/[\w-]/i },
  { what: 'a numbered seed', pattern: /\bseeds?\s*#?\s*\d+\b|\b\d{3}_[0-9a-f]{16}\b/i },
  { what: 'an issue number', pattern: /\bissues?\s*#?\s*\d+\b/i },
];

export function forbiddenIn(text: string): string[] {
  return text.split('\n').flatMap((line, i) => FORBIDDEN.filter((f) => f.pattern.test(line)).map((f) => `line ${i + 1}: ${f.what}: ${line.trim().slice(0, 160)}`));
}

const allRules = (): Rule[] => Object.values(providers).flatMap((p) => [...p.contract.catalogue.all()]);
const exists = (path: string): boolean => existsSync(join(ROOT, ...path.split('/')));

test.describe('cited sources', () => {
  test('every repo-relative path cited by rules, baselines, contracts, schemas, docs and the README exists', () => {
    const missing: string[] = [];
    for (const r of allRules()) {
      for (const p of citedPaths(`${r.source}\n${r.reference}`)) if (!exists(p)) missing.push(`${r.id}: ${p}`);
    }
    for (const f of citingFiles()) {
      for (const p of citedPaths(readFileSync(join(ROOT, f), 'utf8'))) if (!exists(p)) missing.push(`${f}: ${p}`);
    }
    expect(missing).toEqual([]);
  });

  test('every GitHub link in those texts is pinned to a commit or a tag', () => {
    const floating: string[] = [];
    const texts = [...allRules().map((r) => [r.id, r.reference] as const), ...citingFiles().map((f) => [f, readFileSync(join(ROOT, f), 'utf8')] as const)];
    for (const [where, text] of texts) {
      for (const url of text.match(URL) ?? []) if (url.startsWith('https://github.com/') && !isPinnedUrl(url)) floating.push(`${where}: ${url}`);
    }
    expect(floating).toEqual([]);
  });

  test('nothing in the product cites a shared folder, a numbered seed or an issue number', () => {
    const found: string[] = [];
    for (const f of PRODUCT.flatMap(filesUnder).filter((f) => !isUpstreamCopy(f) && TEXT.test(f.split('/').pop()!))) {
      for (const hit of forbiddenIn(readFileSync(join(ROOT, f), 'utf8'))) found.push(`${f} ${hit}`);
    }
    expect(found).toEqual([]);
  });

  test('every rule reference names a pinned public URL or a file of this repository, and every URL in it is pinned', () => {
    const bad: string[] = [];
    for (const r of allRules()) {
      const urls = r.reference.match(URL) ?? [];
      const files = citedPaths(r.reference).filter(exists);
      if (!urls.some(isPinnedUrl) && files.length === 0) bad.push(`${r.id}: no pinned URL and no repository file in "${r.reference}"`);
      for (const url of urls) if (!isPinnedUrl(url)) bad.push(`${r.id}: ${url} is not pinned to a version`);
    }
    expect(bad).toEqual([]);
  });

  test('each upstream copy is listed in the README next to it, with its licence file', () => {
    const problems: string[] = [];
    for (const provider of Object.keys(providers)) {
      const dir = `contracts/${provider}/upstream`;
      if (!exists(dir)) continue;
      const readme = exists(`${dir}/README.md`) ? readFileSync(join(ROOT, dir, 'README.md'), 'utf8') : '';
      if (!readme) problems.push(`${dir}: no README.md`);
      const copies = filesUnder(dir).filter((f) => isUpstreamCopy(f) && !f.endsWith('/LICENSE'));
      for (const copy of copies) {
        const top = copy.slice(dir.length + 1).split('/')[0]!;
        if (!exists(`${dir}/${top}/LICENSE`)) problems.push(`${copy}: no ${dir}/${top}/LICENSE`);
        const name = copy.split('/').pop()!.replace(/\.[^.]+$/, '');
        if (!readme.includes(name)) problems.push(`${copy}: not named in ${dir}/README.md`);
      }
    }
    expect(problems).toEqual([]);
  });
});

test.describe('levels follow the source', () => {
  test('a MUST rule is stated by its source; a rule that is not stated is a SHOULD', () => {
    const unbacked = allRules().filter((r) => r.level === 'MUST' && r.basis !== 'stated').map((r) => `${r.id}: MUST but ${r.basis}`);
    expect(unbacked).toEqual([]);
  });

  test('a rule that is not stated says so in its reference, and a stated SHOULD says why it is a SHOULD', () => {
    const silent = allRules().filter((r) => r.basis !== 'stated' && !/\bnot stated\b/.test(r.reference)).map((r) => `${r.id}: ${r.basis}, the reference does not say what is not stated`);
    const contradicted = allRules().filter((r) => r.basis === 'stated' && /\bnot stated\b/.test(r.reference)).map((r) => `${r.id}: stated, yet the reference says "not stated"`);
    const unexplained = allRules().filter((r) => r.basis === 'stated' && r.level === 'SHOULD' && !/\bSHOULD\b/.test(r.reference)).map((r) => `${r.id}: a stated SHOULD whose reference does not say why`);
    expect([...silent, ...contradicted, ...unexplained]).toEqual([]);
  });
});

test.describe('the checks of this file can fail', () => {
  test('they catch a missing path, a floating link, developer-only material and an unpinned reference', () => {
    expect(citedPaths('see contracts/jupyter/upstream/nowhere.md, and https://github.com/a/b/blob/v1.0/docs/x.md').filter((p) => !exists(p))).toEqual(['contracts/jupyter/upstream/nowhere.md']);
    expect(citedPaths('g4api-rust g4api/docs/SessionsApi.md; [`docs/x.md`](https://github.com/a/b/blob/v1.0/docs/x.md)')).toEqual([]);
    expect(isPinnedUrl('https://github.com/a/b/blob/main/README.md')).toBe(false);
    expect(isPinnedUrl('https://github.com/a/b/blob/4bf927cb7692907bb9479a6a7ad8a99fff6f8b7d/README.md#oauth2')).toBe(true);
    expect(isPinnedUrl('https://github.com/a/b/blob/1.8.14/doc/api/http_api.md')).toBe(true);
    expect(isPinnedUrl('https://www.rfc-editor.org/rfc/rfc9110#section-15.5')).toBe(true);
    expect(isPinnedUrl('https://example.com/docs/latest')).toBe(false);
    for (const text of ['shared/specs/g4/PROVENANCE.md', '(seed 004)', 'Seed 3', '001_b7765ba1fb4102f0.txt', 'issue 4', 'notes/contracts.md §5']) {
      expect(forbiddenIn(text), text).toHaveLength(1);
    }
    for (const text of ['FC_SEED=-1305732295', 'a fast-check seed, path and counterexample', 'on every seed, not on most', 'release notes are']) {
      expect(forbiddenIn(text), text).toEqual([]);
    }
  });
});
