/** A real server the project's own tests start on loopback and run a suite against. */
export interface RunningTarget {
  /** What the suite needs, as environment variables: `JUPYTER_BASE_URL`, `JUPYTER_TOKEN`, … */
  readonly env: Readonly<Record<string, string>>;
  /** Stops the server and everything it started (kernels included); safe to call twice. */
  stop(): Promise<void>;
  /**
   * Where sessions are processes (Jupyter kernels, ~70 MiB each): how many of this run's are alive now, so a
   * test can check that a run gives back every kernel it made and that `stop()` leaves none.
   */
  kernelProcesses?(): number;
}

/** Whether a real target's program is installed here, and how to start it. */
export interface RealTargetLauncher {
  /** Implementation name as a vendor knows it, e.g. `jupyter-server`, `Jupyverse`. */
  readonly name: string;
  /** Null when the program is present; otherwise what is missing (the test is skipped with that reason). */
  missing(): string | null;
  start(workdir: string): Promise<RunningTarget>;
}

/**
 * One real implementation of a provider's API, pinned to a version, with the baseline that lists its known
 * deviations. Several targets may implement one provider (jupyter-server 1.x and 2.x, Jupyverse, …).
 */
export interface RealTarget extends RealTargetLauncher {
  /** Stable id, also the baseline's file name: `jupyter-server-1.23.3`. */
  readonly id: string;
  /** The suite (Playwright project) it is checked with. */
  readonly provider: string;
  /** The pinned version we install. */
  readonly version: string;
  /** Baseline file under contracts/<provider>/baselines/ (without `.yaml`). */
  readonly baseline: string;
}
