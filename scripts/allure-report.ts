/**
 * `npm run report [-- options]`: builds the Allure HTML report (Allure 3, the npm `allure` package, no Java)
 * from `<report dir>/allure-results` into `<report dir>/allure-report`, carrying history over so the report
 * shows trends and flaky rules.
 *
 *   --history <dir|file>   the previous report directory (its history.jsonl) or a history.jsonl file;
 *                          also CONFORMANCE_ALLURE_HISTORY. A path that does not exist starts a new history.
 *                          Default: the history.jsonl of the report already in the output directory, if any.
 *   --no-history           start a new history
 *   --results <dir>        default <report dir>/allure-results   (report dir: CONFORMANCE_REPORT_DIR, `reports`)
 *   --output <dir>         default <report dir>/allure-report
 *
 * The report is one self-contained `index.html` (opens from disk) next to `history.jsonl`, the history
 * including this run: keep the directory (or just that file) and pass it to the next run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { envString } from '../harness/config/env';
import { runSettings } from '../harness/config/run';

const ROOT = resolve(__dirname, '..');
const HISTORY_FILE = 'history.jsonl';

interface Options {
  results: string;
  output: string;
  history?: string;
  noHistory: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const reportDir = runSettings().reportDir;
  const opts: Options = {
    results: join(reportDir, 'allure-results'),
    output: join(reportDir, 'allure-report'),
    history: envString('CONFORMANCE_ALLURE_HISTORY'),
    noHistory: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') fail(`${flag} needs a value`);
      return v;
    };
    if (flag === '--history') opts.history = value();
    else if (flag === '--no-history') opts.noHistory = true;
    else if (flag === '--results') opts.results = value();
    else if (flag === '--output') opts.output = value();
    else fail(`unknown option ${arg} (options: --history <dir|file>, --no-history, --results <dir>, --output <dir>)`);
  }
  return { ...opts, results: resolve(opts.results), output: resolve(opts.output), history: opts.history && resolve(opts.history) };
}

function fail(message: string): never {
  console.error(`npm run report: ${message}`);
  process.exit(2);
}

/** The history file a path names: a report directory's history.jsonl, or the file itself. */
function historyFileOf(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, HISTORY_FILE) : path;
}

function countLines(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
}

/**
 * Allure 3's Awesome report always embeds Google Analytics (gtag.js, with the report's id), which a report
 * handed to a vendor must not load. Removes that block; the report works the same without it.
 */
function stripAnalytics(index: string): void {
  if (!existsSync(index)) return;
  const html = readFileSync(index, 'utf8');
  const stripped = html.replace(
    /\s*<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>(?:(?!<\/script>)[\s\S])*?gtag\((?:(?!<\/script>)[\s\S])*<\/script>/,
    '',
  );
  if (stripped !== html) writeFileSync(index, stripped);
  else if (html.includes('googletagmanager')) console.warn(`note: ${index} still loads Google Analytics (the template changed?)`);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.results) || !readdirSync(opts.results).some((f) => f.endsWith('-result.json'))) {
    fail(`no Allure results in ${opts.results}: run \`npx playwright test\` first (the allure reporter writes them there)`);
  }

  // The history this run starts from: given, or the one of the report already at the output directory.
  let source: string | undefined;
  if (!opts.noHistory) {
    if (opts.history) {
      source = historyFileOf(opts.history);
      if (!existsSync(source)) {
        console.log(`no history at ${source}: this report starts a new one`);
        source = undefined;
      }
    } else if (existsSync(join(opts.output, HISTORY_FILE))) {
      source = join(opts.output, HISTORY_FILE);
    }
  }

  // Allure appends this run to the history file it is given; work on a copy, since the output directory
  // (which may hold the previous history) is rewritten by the generation.
  const work = mkdtempSync(join(tmpdir(), 'allure-history-'));
  const historyPath = join(work, HISTORY_FILE);
  if (source) copyFileSync(source, historyPath);
  const before = countLines(historyPath);

  const cli = join(ROOT, 'node_modules', 'allure', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'generate', opts.results, '--config', join(ROOT, 'allurerc.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ALLURE_OUTPUT: opts.output, ALLURE_HISTORY_PATH: historyPath },
  });
  if (run.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    fail(`allure generate failed (${run.error?.message ?? `exit status ${run.status}`})`);
  }
  mkdirSync(opts.output, { recursive: true });
  copyFileSync(historyPath, join(opts.output, HISTORY_FILE));
  rmSync(work, { recursive: true, force: true });
  stripAnalytics(join(opts.output, 'index.html'));

  const shown = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p) || '.');
  const index = join(opts.output, 'index.html');
  console.log(`Allure report: ${shown(existsSync(index) ? index : opts.output)}`);
  console.log(
    `history: ${countLines(join(opts.output, HISTORY_FILE))} run(s) in ${shown(join(opts.output, HISTORY_FILE))}` +
      (source ? ` (${before} carried over from ${shown(source)})` : ' (new)') +
      '; pass it to the next run with --history',
  );
}

main();
