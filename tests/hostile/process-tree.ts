import { readFileSync, readdirSync } from 'node:fs';

/**
 * The processes of one child run, found by a marker in their environment (`HOSTILE_RUN=<id>`), which every
 * process the run starts inherits: npx, the Playwright runner, its workers (and a bundled mock, if one starts). Several
 * child runs go on side by side in one test process, so "the children of this process" would mix them up.
 */
export class MarkedProcesses {
  private readonly needle: Buffer;
  /** pid → is it one of the run's processes. */
  private readonly known = new Map<number, boolean>();

  constructor(readonly id: string) {
    this.needle = Buffer.from(`${MARKER}=${id}\0`);
  }

  /** The environment entry that marks the run's processes. */
  get env(): Record<string, string> {
    return { [MARKER]: this.id };
  }

  /**
   * The run's processes now. A process's environment never changes, so each pid is read once while it lives
   * (a scan every 200 ms of every process's environment would cost a good part of a core).
   */
  pids(): number[] {
    const alive = new Set<number>();
    for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry)) alive.add(Number(entry));
    for (const pid of this.known.keys()) if (!alive.has(pid)) this.known.delete(pid);
    for (const pid of alive) if (!this.known.has(pid)) this.known.set(pid, this.isMarked(pid));
    return [...alive].filter((pid) => this.known.get(pid));
  }

  private isMarked(pid: number): boolean {
    try {
      return readFileSync(`/proc/${pid}/environ`).includes(this.needle);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  }

  /** Resident memory of all of them together, in bytes (shared pages counted once per process: an upper bound). */
  rssBytes(): number {
    let total = 0;
    for (const pid of this.pids()) total += rssOf(pid);
    return total;
  }

  /** Last resort against a run that outlives its bound: SIGKILL each of its processes, by pid. */
  killAll(): number {
    let killed = 0;
    for (const pid of this.pids()) {
      if (!this.isMarked(pid)) continue; // read again right before: never a pid reused by someone else's process
      try {
        process.kill(pid, 'SIGKILL');
        killed += 1;
      } catch {
        // already gone
      }
    }
    return killed;
  }
}

const MARKER = 'HOSTILE_RUN';

function rssOf(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of the marked processes every `intervalMs` until stopped; keeps the peak. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private peak = 0;
  private count = 0;

  constructor(private readonly processes: MarkedProcesses, private readonly intervalMs = 200) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  stop(): { peakBytes: number; samples: number } {
    clearInterval(this.timer);
    return { peakBytes: this.peak, samples: this.count };
  }

  private sample(): void {
    this.count += 1;
    this.peak = Math.max(this.peak, this.processes.rssBytes());
  }
}
