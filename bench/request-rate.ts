/** One measured stretch of requests: how many, how long, and the CPU this process spent on them. */
export interface RateSample {
  readonly requests: number;
  readonly elapsedMs: number;
  readonly rps: number;
  /** CPU (user + system) of this whole process per request, in µs: client and in-process mock together. */
  readonly cpuUsPerRequest: number;
}

/**
 * Sends requests with `concurrency` loops in flight for `durationMs` (and never more than `maxRequests`),
 * each loop waiting for its answer before the next. `send(i)` is the i-th request of its loop.
 */
export async function measureRate(
  send: (i: number) => Promise<void>,
  concurrency: number,
  durationMs: number,
  maxRequests = 1_000_000,
): Promise<RateSample> {
  let requests = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + durationMs;
  const loop = async () => {
    for (let i = 0; performance.now() < end && requests < maxRequests; i++) {
      await send(i);
      requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return {
    requests,
    elapsedMs,
    rps: (requests * 1000) / elapsedMs,
    cpuUsPerRequest: requests ? (cpu.user + cpu.system) / requests : 0,
  };
}

/** The sample with the median rate: a machine shared with other jobs has outliers both ways. */
export function medianSample(samples: readonly RateSample[]): RateSample {
  if (!samples.length) throw new Error('no samples');
  return [...samples].sort((a, b) => a.rps - b.rps)[Math.floor(samples.length / 2)]!;
}
