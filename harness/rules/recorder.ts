import type { Baseline } from './baseline';
import type { RuleCatalogue } from './catalogue';
import type { CheckOutcome } from './types';
import { plainText } from '../text';

/** Harness, configuration or network trouble: never the target's fault. */
export class HarnessError extends Error {
  /** Set once an outcome names this error, so an enclosing check does not record it again. */
  recorded = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
  }
}

/**
 * A later step cannot run without what a failed check should have given (no session id came back, so there is
 * nothing to delete). Ends the test; the rules it did not reach are reported as "blocked by <rule>".
 */
export class Blocked extends Error {
  constructor(readonly rule: string, readonly what: string) {
    super(`blocked by ${rule}: ${what}`);
    this.name = 'Blocked';
    // The rule and what it saw say it all; a stack into the harness would only hide that in the report.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The test's unexcused MUST failures, thrown once the test body is over so Playwright marks the test failed. */
export class ContractViolation extends Error {
  constructor(readonly rules: readonly string[], message: string) {
    super(message);
    this.name = 'ContractViolation';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** An assertion error from `expect` (Playwright's carry `matcherResult`) or one of ours. */
export function isAssertion(e: unknown): boolean {
  return typeof e === 'object' && e !== null && ('matcherResult' in e || (e as Error).name === 'AssertionError');
}

function messageOf(e: unknown): string {
  return plainText(e instanceof Error ? e.message : String(e)).trim();
}

/**
 * Where outcomes go while a property runs: its many iterations must not each add a verdict, and a failure of
 * the property's own rule must end the iteration so fast-check can shrink it. Throwing from here ends the check.
 */
export type OutcomeSink = (outcome: CheckOutcome) => void;

/** How a test ends when a needed check failed, as the fixture decides (a Playwright skip, or a failure). */
export type OnBlocked = (blocked: Blocked, excused: boolean) => never;

/**
 * Records what each check of a test found, rule by rule, the way `expect.soft` does: a failed check is recorded
 * whatever its level and the test goes on with what the target answered. Only three things end a test:
 * - `need(...)`: a later step cannot run without what failed; the test stops naming the rule (`Blocked`);
 * - anything thrown that is not an assertion: harness or network trouble (`error`);
 * - the end of the test body: then the test fails if a MUST rule the baseline does not excuse broke.
 */
export class RuleRecorder {
  readonly outcomes: CheckOutcome[] = [];
  /** The needed check that ended the test, if one did. */
  blockedBy: { readonly rule: string; readonly message: string } | undefined;
  /** The latest time in this test the target asked us to wait: every check from the first such time on is flaky. */
  private flakyBecause: string | undefined;
  private sink: OutcomeSink | undefined;

  constructor(
    private readonly catalogue: RuleCatalogue,
    private readonly baseline: Baseline,
    private readonly onBlocked: OnBlocked = (b) => {
      throw b;
    },
  ) {}

  /**
   * The target asked us to wait (429, 503 with Retry-After) and a request was repeated, or could not be.
   * The checks after it may depend on the target's load: they are reported as flaky, never silently passed.
   */
  noteThrottled(note: string): void {
    this.flakyBecause = note;
  }

  /** Sends outcomes to `sink` while `body` runs (a property), then back to this test's list. */
  async divert<T>(sink: OutcomeSink, body: () => Promise<T>): Promise<T> {
    const previous = this.sink;
    this.sink = sink;
    try {
      return await body();
    } finally {
      this.sink = previous;
    }
  }

  /** Adds an outcome to the test's list, bypassing any diversion (a property's summary of its runs). */
  record(o: CheckOutcome): void {
    const rule = this.idOf(o.rule);
    this.outcomes.push(this.flakyBecause === undefined || o.flaky !== undefined ? { ...o, rule } : { ...o, rule, flaky: this.flakyBecause });
  }

  private push(o: CheckOutcome): void {
    const rule = this.idOf(o.rule);
    if (this.sink) this.sink(this.flakyBecause === undefined ? { ...o, rule } : { ...o, rule, flaky: this.flakyBecause });
    else this.record(o);
  }

  /** The rule's id (a former id names the rule it was renamed to); throws for an unknown rule. */
  private idOf(ruleId: string): string {
    return this.catalogue.get(ruleId).id;
  }

  /**
   * Runs the assertions of one rule. Returns whether they held. A failed assertion is recorded and the test
   * goes on; anything else thrown is recorded as an error and ends the test.
   */
  async check(ruleId: string, assertion: () => unknown): Promise<boolean> {
    return (await this.attempt(ruleId, assertion)) === undefined;
  }

  /**
   * A check a later step depends on: returns what `produce` gives when its assertions hold; otherwise the
   * failure is recorded against `ruleId` and the test stops, blocked by that rule.
   *   const id = await need('jupyter.create-returns-201', () => { expect(res.status).toBe(201); return idOf(res); });
   */
  async need<T>(ruleId: string, produce: () => T | Promise<T>): Promise<T> {
    let value: T | undefined;
    const failure = await this.attempt(ruleId, async () => {
      value = await produce();
    });
    return failure === undefined ? (value as T) : this.block(ruleId, failure);
  }

  /** Runs and records one check; returns the failure message, or undefined when it held. */
  private async attempt(given: string, assertion: () => unknown): Promise<string | undefined> {
    const ruleId = this.idOf(given);
    try {
      await assertion();
    } catch (e) {
      // Already recorded where it happened (a need or an error inside this block): pass it on as it is.
      if (e instanceof Blocked || (e instanceof HarnessError && e.recorded)) throw e;
      const message = messageOf(e);
      if (isAssertion(e)) {
        this.push({ rule: ruleId, status: 'fail', message });
        return message;
      }
      this.push({ rule: ruleId, status: 'error', message });
      const err = new HarnessError(`[${ruleId}] could not be checked: ${message}`, { cause: e });
      err.recorded = true;
      throw err;
    }
    this.push({ rule: ruleId, status: 'pass' });
    return undefined;
  }

  /** Ends the test: a later step cannot run, because `ruleId` failed as `message` says. */
  block(given: string, message: string): never {
    const ruleId = this.idOf(given);
    const blocked = new Blocked(ruleId, firstLine(message));
    // Inside a property the property runner decides what a blocked iteration means.
    if (this.sink) throw blocked;
    this.blockedBy = { rule: ruleId, message: blocked.what };
    return this.onBlocked(blocked, this.excused(ruleId));
  }

  /** The rule does not apply to this target or configuration. */
  skip(ruleId: string, reason: string): void {
    this.outcomes.push({ rule: this.idOf(ruleId), status: 'skip', message: reason });
  }

  /** A failure of this rule does not fail the run: a SHOULD, or a rule the chosen baseline lists. */
  excused(ruleId: string): boolean {
    const rule = this.catalogue.get(ruleId);
    return rule.level === 'SHOULD' || this.baseline.entries.has(rule.id);
  }

  /** Failed checks of MUST rules the baseline does not list: the test fails once its body is over. */
  unexcusedFailures(): CheckOutcome[] {
    return this.outcomes.filter((o) => o.status === 'fail' && !this.excused(o.rule));
  }

  /** Did any check of this test not pass, or pass only after the target asked us to wait? Then its transcript is worth attaching. */
  get anyNotPassed(): boolean {
    return this.outcomes.some((o) => o.status !== 'pass' || o.flaky !== undefined) || this.blockedBy !== undefined;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 300);
}
