import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../harness/net/free-port';
import type { RealTargetLauncher, RunningTarget } from '../types';

/** The Etherpad release the suite's baseline describes, and the npm package it comes in. */
export const ETHERPAD_VERSION = '1.8.14';
const PACKAGE = `ep_etherpad-lite@${ETHERPAD_VERSION}`;
const API_VERSION = '1.2.15';
export const ETHERPAD_BASELINE = `etherpad-${ETHERPAD_VERSION}`;

/**
 * Where the install is kept between runs: `.targets/etherpad-1.8.14` (git-ignored), or ETHERPAD_INSTALL_DIR,
 * e.g. a cache folder outside a CI run's fresh clone.
 */
export const INSTALL_DIR = resolve(process.env.ETHERPAD_INSTALL_DIR?.trim() || resolve(__dirname, '../../.targets', `etherpad-${ETHERPAD_VERSION}`));
const MARKER = join(INSTALL_DIR, '.installed');
/** Preloaded into Etherpad so nothing it does can reach beyond loopback (its update check would). */
const LOOPBACK_GUARD = resolve(__dirname, 'loopback-only.cjs');

const INSTALL_TIMEOUT_MS = 15 * 60_000;
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;

function isInstalled(): boolean {
  return existsSync(MARKER) && readFileSync(MARKER, 'utf8').trim() === PACKAGE && existsSync(join(INSTALL_DIR, 'src/node/server.js'));
}

function run(command: string, args: readonly string[], options: { cwd: string; log: string; timeoutMs: number }): Promise<void> {
  const fd = openSync(options.log, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  closeSync(fd);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok();
      else fail(new Error(`${command} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}; see ${options.log}`));
    });
  });
}

/**
 * Installs Etherpad from npm into `.targets/etherpad-1.8.14`, once: a later call finds the marker and does
 * nothing. A plain `npm install` cannot start (AbsolutePaths.js insists that the code sits in `<root>/src`),
 * so the package is moved to `<root>/src` and `node_modules/ep_etherpad-lite` links back to it: the layout of
 * a git checkout. The install happens in a staging folder that is renamed into place only when complete.
 */
export async function ensureInstalled(log: (line: string) => void = () => undefined): Promise<string> {
  if (isInstalled()) return INSTALL_DIR;
  const staging = `${INSTALL_DIR}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const npmLog = `${staging}.npm.log`;
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'etherpad-conformance-target', private: true }, null, 2)}\n`);
  log(`installing ${PACKAGE} from npm into ${INSTALL_DIR} (a few minutes; log: ${npmLog})`);
  await run('npm', ['install', '--no-package-lock', '--omit=dev', '--no-audit', '--no-fund', PACKAGE], { cwd: staging, log: npmLog, timeoutMs: INSTALL_TIMEOUT_MS });
  renameSync(join(staging, 'node_modules/ep_etherpad-lite'), join(staging, 'src'));
  symlinkSync('../src', join(staging, 'node_modules/ep_etherpad-lite'), 'dir');
  writeFileSync(join(staging, '.installed'), `${PACKAGE}\n`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  renameSync(staging, INSTALL_DIR);
  rmSync(npmLog, { force: true });
  log(`installed ${PACKAGE}`);
  return INSTALL_DIR;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitUntilReady(root: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let attempt = 0; Date.now() < deadline && attempt < 400; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Etherpad exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${root}/api`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.json()) as { currentVersion?: unknown };
      if (res.ok && body.currentVersion === API_VERSION) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`Etherpad did not answer GET /api within ${READY_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

/** Stops Etherpad and everything it started (its `npm ls`): SIGTERM to its process group, SIGKILL after a grace. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  signalGroup('SIGTERM');
  if (!(await exited(child, STOP_GRACE_MS))) {
    signalGroup('SIGKILL');
    await exited(child, STOP_GRACE_MS);
  }
}

/**
 * Etherpad 1.8.14 on loopback: a fresh `dirty` database, API key, session key and settings in `workdir`,
 * a free port, `NODE_ENV=production`, and no way out of loopback.
 */
export const etherpadLauncher: RealTargetLauncher = {
  name: 'Etherpad',

  missing() {
    return isInstalled() ? null : `Etherpad ${ETHERPAD_VERSION} is not installed in ${INSTALL_DIR}: run \`npx tsx targets/etherpad/install.ts\``;
  },

  async start(workdir: string): Promise<RunningTarget> {
    const root = await ensureInstalled();
    const dir = resolve(workdir);
    mkdirSync(join(dir, 'var'), { recursive: true });
    const apiKey = randomBytes(24).toString('hex');
    const port = await freePort();
    const files = { settings: join(dir, 'settings.json'), apikey: join(dir, 'APIKEY.txt'), sessionkey: join(dir, 'SESSIONKEY.txt'), log: join(dir, 'etherpad.log') };
    writeFileSync(files.apikey, apiKey);
    writeFileSync(files.sessionkey, randomBytes(32).toString('hex'));
    writeFileSync(files.settings, `${JSON.stringify({
      title: 'session-conformance target',
      ip: '127.0.0.1',
      port,
      dbType: 'dirty',
      dbSettings: { filename: join(dir, 'var/dirty.db') },
      minify: false,
      loglevel: 'WARN',
      suppressErrorsInPadText: true,
    }, null, 2)}\n`);
    const logFd = openSync(files.log, 'a');
    const child = spawn(process.execPath, ['src/node/server.js', '--settings', files.settings, '--apikey', files.apikey, '--sessionkey', files.sessionkey], {
      cwd: root,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${LOOPBACK_GUARD}`].filter(Boolean).join(' '),
        npm_config_update_notifier: 'false',
      },
    });
    closeSync(logFd);
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilReady(origin, child, files.log);
    } catch (e) {
      await stopGroup(child);
      throw e;
    }
    let stopping: Promise<void> | undefined;
    return {
      env: {
        ETHERPAD_BASE_URL: `${origin}/api/${API_VERSION}`,
        ETHERPAD_API_KEY: apiKey,
        ETHERPAD_BASELINE,
      },
      stop: () => (stopping ??= stopGroup(child)),
    };
  },
};
