/** A real server the project's own tests start on loopback and run a suite against. */
export interface RunningTarget {
  /** What the suite needs, as environment variables: `JUPYTER_BASE_URL`, `JUPYTER_TOKEN`, … */
  readonly env: Readonly<Record<string, string>>;
  /** Stops the server and everything it started; safe to call twice. */
  stop(): Promise<void>;
}

/** Whether a real target's program is installed here, and how to start it. */
export interface RealTargetLauncher {
  readonly name: string;
  /** Null when the program is present; otherwise what is missing (the test is skipped with that reason). */
  missing(): string | null;
  start(workdir: string): Promise<RunningTarget>;
}
