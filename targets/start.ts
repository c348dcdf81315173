/**
 * Starts a real target on loopback and prints the environment that points the suite at it; Ctrl-C stops it.
 *   npx tsx targets/start.ts jupyter
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realTargets } from './registry';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const launcher = realTargets[name];
  if (!launcher) throw new Error(`usage: npx tsx targets/start.ts <${Object.keys(realTargets).join('|')}>`);
  const missing = launcher.missing();
  if (missing) throw new Error(missing);
  const target = await launcher.start(mkdtempSync(join(tmpdir(), `sc-${name}-`)));
  for (const [k, v] of Object.entries(target.env)) console.log(`export ${k}=${v}`);
  console.log(`# ${launcher.name} is running; Ctrl-C stops it`);
  const stop = () => void target.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
