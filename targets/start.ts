/**
 * Starts a real target on loopback for a manual run, and stops it on Ctrl-C / SIGTERM.
 *   npx tsx targets/start.ts <target id, e.g. jupyter-server-1.23.3, or a provider name> [workdir]
 * The suite's settings (secrets included) go to <workdir>/<id>.env, readable by the owner only, not to the
 * console:  set -a; . <workdir>/<id>.env; set +a; npx playwright test --project=<provider>
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realTarget, realTargets } from './registry';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  // A provider name picks its first target, so `start.ts jupyter` keeps working.
  const launcher = realTarget(name) ?? realTargets.find((t) => t.provider === name);
  if (!launcher) throw new Error(`usage: npx tsx targets/start.ts <${realTargets.map((t) => t.id).join('|')}> [workdir]`);
  const missing = launcher.missing();
  if (missing) throw new Error(missing);
  const workdir = resolve(process.argv[3] ?? mkdtempSync(join(tmpdir(), `sc-${name}-`)));
  const target = await launcher.start(workdir);
  const envFile = join(workdir, `${launcher.id}.env`);
  writeFileSync(envFile, `${Object.entries(target.env).map(([k, v]) => `${k}=${v}`).join('\n')}\n`, { mode: 0o600 });
  console.log(`${launcher.name} ${launcher.version} is up; its settings are in ${envFile}; Ctrl-C stops it`);
  const stop = () => void target.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
