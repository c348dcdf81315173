import { AsyncLocalStorage } from 'node:async_hooks';
import { test, type Location } from '@playwright/test';
import type { Exchange } from './transcript';

/**
 * Report steps for requests. A test shows one step per request (`POST /api/sessions → 201 (12 ms)`); the many
 * requests of a property's search are told in one step per run instead, since a report step costs
 * more than a request to a fast target, and every one of them stays in the test's transcript anyway (see
 * `countRequests`). The runs
 * of a failure (the replay of the shrunk counterexample) get their step per request again.
 */

/** What the requests sent inside `tallied` came to. */
export class RequestTally {
  requests = 0;
  private readonly outcomes = new Map<string, number>();

  add(outcome: string): void {
    this.requests += 1;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
  }

  /** `9 requests: 201 ×3, 200 ×5, 204 ×1`. */
  describe(): string {
    if (this.requests === 0) return 'no request';
    const parts = [...this.outcomes].map(([outcome, n]) => (n > 1 ? `${outcome} ×${n}` : outcome));
    return `${this.requests} request${this.requests > 1 ? 's' : ''}: ${parts.join(', ')}`;
  }
}

const currentTally = new AsyncLocalStorage<RequestTally>();

/** Runs `body` with its requests counted in `tally` instead of a step each (no tally: a step each, as usual). */
export async function countRequests<T>(tally: RequestTally | undefined, body: () => Promise<T>): Promise<T> {
  return tally ? currentTally.run(tally, body) : body();
}

/**
 * Tells one request in the report, once its answer is known: a step of its own, titled from the recorded
 * (redacted) exchange without its query, or a count in the enclosing tally. A request without an answer
 * (`error`) is a failed step. Never throws: outside a running test it does nothing.
 */
export async function requestStep(exchange: Exchange, outcome: string, error?: Error): Promise<void> {
  const tally = currentTally.getStore();
  if (tally) return tally.add(error ? 'no answer' : outcome.split(',')[0]!);
  await reportStep(`${exchange.method} ${pathOf(exchange.url)} → ${outcome} (${exchange.durationMs} ms)`, error);
}

/** A step already done, as the report shows it; a failed one when `error` is given. Outside a test, nothing. */
export async function reportStep(title: string, error?: Error): Promise<void> {
  const location = testLocation();
  if (!location) return;
  await test
    .step(title, () => {
      if (error) throw error;
    }, { location })
    .catch(() => undefined);
}

/** Runs `body` inside one step, with what it sends nested under it (a plain call outside a test). */
export async function inStep<T>(title: string, body: () => Promise<T>): Promise<T> {
  const location = testLocation();
  return location ? test.step(title, body, { location }) : body();
}

/**
 * The running test's place in its file, or undefined outside a test. Our steps are located there: given a
 * location, Playwright takes no stack trace for the step, which costs more than a request to a fast target.
 */
function testLocation(): Location | undefined {
  // Outside Playwright's workers (the bench, scripts) there is no test: asking would throw, which is costly.
  if (process.env.TEST_WORKER_INDEX === undefined) return undefined;
  try {
    const info = test.info();
    return { file: info.file, line: info.line, column: info.column };
  } catch {
    return undefined;
  }
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
