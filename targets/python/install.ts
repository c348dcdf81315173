/**
 * Installs every Python real target from its lock (targets/python/locks/<id>.txt) into `.targets/venv-<id>`;
 * a venv already installed from the same lock is left alone. CI calls this before the tests.
 *   npx tsx targets/python/install.ts [id …]
 */
import { ensureVenv, lockedIds } from './venv';

/** Two installs at a time: pip mostly waits on downloads and unpacking, and the machine has two cores. */
const PARALLEL = 2;

async function main(): Promise<void> {
  const all = lockedIds();
  const ids = process.argv.length > 2 ? process.argv.slice(2) : all;
  const unknown = ids.filter((id) => !all.includes(id));
  if (unknown.length) throw new Error(`no lock for ${unknown.join(', ')}; known: ${all.join(', ')}`);
  const started = Date.now();
  const queue = [...ids];
  const failures: string[] = [];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const { installed } = await ensureVenv(id, (line) => console.log(line));
        if (!installed) console.log(`${id}: already installed`);
      } catch (e) {
        failures.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failures.length) throw new Error(`install failed:\n${failures.join('\n')}`);
  console.log(`Python targets ready (${ids.length}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
