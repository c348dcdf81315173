/**
 * Starts a real target on loopback for a manual run, and stops it on Ctrl-C / SIGTERM.
 *   npx tsx targets/start.ts <jupyter|etherpad> [workdir]
 * The suite's settings (secrets included) go to <workdir>/<name>.env, readable by the owner only, not to the
 * console:  set -a; . <workdir>/<name>.env; set +a; npx playwright test --project=<name>
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realTargets } from './registry';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const launcher = realTargets[name];
  if (!launcher) throw new Error(`usage: npx tsx targets/start.ts <${Object.keys(realTargets).join('|')}> [workdir]`);
  const missing = launcher.missing();
  if (missing) throw new Error(missing);
  const workdir = resolve(process.argv[3] ?? mkdtempSync(join(tmpdir(), `sc-${name}-`)));
  const target = await launcher.start(workdir);
  const envFile = join(workdir, `${name}.env`);
  writeFileSync(envFile, `${Object.entries(target.env).map(([k, v]) => `${k}=${v}`).join('\n')}\n`, { mode: 0o600 });
  console.log(`${launcher.name} is up; its settings are in ${envFile}; Ctrl-C stops it`);
  const stop = () => void target.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
