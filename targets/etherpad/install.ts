/**
 * Installs Etherpad 1.8.14 for the real-target run (CI calls this before the tests); does nothing when it is
 * already installed.
 *   npx tsx targets/etherpad/install.ts
 */
import { ensureInstalled } from './launcher';

ensureInstalled((line) => console.log(line))
  .then((dir) => console.log(`Etherpad ready to start from ${dir}`))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
