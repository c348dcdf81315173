import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from '../provider/define';
import type { TargetSettings } from '../provider/contract';
import { ConfigError, envString } from './env';
import { runSettings } from './run';

/** Exit status of a run that could not start because of its configuration (see README, "Exit status"). */
export const CONFIG_ERROR_EXIT = 2;

/**
 * Reads every provider's settings once, at the start. A wrong setting stops the run with one message naming
 * every wrong variable, not with a stack trace, and not as a hundred failing tests.
 */
export function checkedSettings(providers: Record<string, Provider>): Record<string, TargetSettings> {
  const problems: string[] = [];
  const settings: Record<string, TargetSettings> = {};
  try {
    runSettings();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.push(e.message);
  }
  for (const [name, provider] of Object.entries(providers)) {
    try {
      settings[name] = provider.settings();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(`${name}: ${e.message}`);
    }
  }
  if (problems.length) {
    console.error(`session-conformance: the configuration is wrong, nothing was run:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    // CI reads the verdict from summary.json: an earlier run's must not stand in for this one.
    const reportDir = envString('CONFORMANCE_REPORT_DIR') ?? 'reports';
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(reportDir, 'summary.json'), `${JSON.stringify({ status: 'configuration-error', exitCode: CONFIG_ERROR_EXIT, problems }, null, 2)}\n`);
    process.exit(CONFIG_ERROR_EXIT);
  }
  return settings;
}
