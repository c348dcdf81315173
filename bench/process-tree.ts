import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux for every common architecture). */
const TICKS_PER_S = 100;

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** utime + stime, in ms. */
  readonly cpuMs: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid, cpuMs: (ticks * 1000) / TICKS_PER_S };
  } catch {
    return undefined; // gone meanwhile
  }
}

function rssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `root` and every process below it, right now. */
export function processTree(root: number): ProcStat[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of all) {
    const siblings = children.get(s.ppid);
    if (siblings) siblings.push(s);
    else children.set(s.ppid, [s]);
  }
  const tree: ProcStat[] = [];
  const rootStat = all.find((s) => s.pid === root);
  const queue = rootStat ? [rootStat] : [];
  // Bounded by the number of processes: each is visited once.
  while (queue.length && tree.length < all.length) {
    const s = queue.shift()!;
    tree.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return tree;
}

/** What a process of a run is, from its command line. */
export type ProcessKind = 'runner' | 'worker' | 'mock server' | 'launcher';

function kindOf(pid: number): ProcessKind {
  let cmd = '';
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    // gone meanwhile
  }
  if (cmd.includes('workerProcessEntry')) return 'worker';
  if (/^\S*node\b/.test(cmd) && cmd.includes('mocks/serve.ts') && !cmd.includes('.bin/tsx')) return 'mock server';
  if (/^\S*node\b.*\.bin\/playwright test/.test(cmd)) return 'runner';
  // npm exec, sh -c, the tsx launcher: they start the others
  return 'launcher';
}

export interface KindUsage {
  readonly kind: ProcessKind;
  /** Processes of this kind seen during the run. */
  readonly processes: number;
  readonly cpuMs: number;
}

export interface TreeUsage {
  /** Largest sum of RSS over the tree at one sample. */
  readonly peakRssBytes: number;
  /** CPU of every process seen in the tree, as last sampled (the last interval of each process is missed). */
  readonly cpuMs: number;
  readonly samples: number;
  readonly maxProcesses: number;
  /** CPU per kind of process, most first. */
  readonly byKind: readonly KindUsage[];
}

/**
 * Samples a process tree from /proc every `intervalMs` until stopped: peak RSS (summed over the tree) and CPU
 * time. Playwright's runner, its workers and the mock server are all below the `npx` we start.
 */
export class TreeSampler {
  private timer: NodeJS.Timeout | undefined;
  private peak = 0;
  private samples = 0;
  private maxProcesses = 0;
  private readonly cpu = new Map<number, number>();
  private readonly kinds = new Map<number, ProcessKind>();

  constructor(private readonly root: number, private readonly intervalMs = 200) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop(): TreeUsage {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    let cpuMs = 0;
    const byKind = new Map<ProcessKind, { processes: number; cpuMs: number }>();
    for (const [pid, v] of this.cpu) {
      cpuMs += v;
      const kind = this.kinds.get(pid) ?? 'launcher';
      const k = byKind.get(kind) ?? { processes: 0, cpuMs: 0 };
      byKind.set(kind, { processes: k.processes + 1, cpuMs: k.cpuMs + v });
    }
    return {
      peakRssBytes: this.peak,
      cpuMs,
      samples: this.samples,
      maxProcesses: this.maxProcesses,
      byKind: [...byKind].map(([kind, k]) => ({ kind, ...k })).sort((a, b) => b.cpuMs - a.cpuMs),
    };
  }

  private sample(): void {
    const tree = processTree(this.root);
    let rss = 0;
    for (const p of tree) {
      rss += rssBytes(p.pid);
      this.cpu.set(p.pid, p.cpuMs);
      // A launcher execs its program in place (npx → node): look again until the command line says more.
      if (this.kinds.get(p.pid) === undefined || this.kinds.get(p.pid) === 'launcher') this.kinds.set(p.pid, kindOf(p.pid));
    }
    this.peak = Math.max(this.peak, rss);
    this.maxProcesses = Math.max(this.maxProcesses, tree.length);
    this.samples++;
  }
}
