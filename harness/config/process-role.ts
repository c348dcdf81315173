/** Set by the Playwright runner when it loads the config; its workers inherit it. */
const RUNNER_PID = 'CONFORMANCE_RUNNER_PID';

/**
 * True in the Playwright runner, false in its workers (which load the config too). A worker is a child of the
 * runner that marked the environment; a run started from inside a worker (our own tests do) is a runner of its
 * own, whatever it inherited. Marks the environment for this runner's workers.
 */
export function isRunnerProcess(): boolean {
  const marked = Number(process.env[RUNNER_PID]);
  if (marked === process.ppid || marked === process.pid) return marked === process.pid;
  process.env[RUNNER_PID] = String(process.pid);
  return true;
}
