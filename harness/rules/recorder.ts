import type { Baseline } from './baseline';
import type { RuleCatalogue } from './catalogue';
import type { CheckOutcome } from './types';

/** A MUST rule broke and the baseline does not excuse it: the test stops here. */
export class ContractViolation extends Error {
  readonly recorded = true;
  constructor(readonly rule: string, message: string) {
    super(`[${rule}] ${message}`);
    this.name = 'ContractViolation';
  }
}

/** Harness, configuration or network trouble: never the target's fault. */
export class HarnessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
  }
}

/** An assertion error from `expect` (Playwright's carry `matcherResult`) or one of ours. */
function isAssertion(e: unknown): boolean {
  return (
    e instanceof ContractViolation ||
    (typeof e === 'object' && e !== null && ('matcherResult' in e || (e as Error).name === 'AssertionError'))
  );
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Playwright's expect messages carry ANSI colours; reports want plain text.
  return text.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/**
 * Records what each check of a test found, rule by rule. `check` runs an assertion block for one rule:
 * - passes → pass;
 * - an assertion fails → fail; the test stops only for a MUST rule the baseline does not list
 *   (a SHOULD is reported as a warning, a baselined rule as a known deviation, and the test goes on);
 * - anything else thrown → error (harness or network trouble), and the test stops.
 */
export class RuleRecorder {
  readonly outcomes: CheckOutcome[] = [];
  /** The latest time in this test the target asked us to wait: every check from the first such time on is flaky. */
  private flakyBecause: string | undefined;

  constructor(private readonly catalogue: RuleCatalogue, private readonly baseline: Baseline) {}

  /**
   * The target asked us to wait (429, 503 with Retry-After) and a request was repeated, or could not be.
   * The checks after it may depend on the target's load: they are reported as flaky, never silently passed.
   */
  noteThrottled(note: string): void {
    this.flakyBecause = note;
  }

  private push(o: CheckOutcome): void {
    this.outcomes.push(this.flakyBecause === undefined ? o : { ...o, flaky: this.flakyBecause });
  }

  async check<T>(ruleId: string, assertion: () => T | Promise<T>): Promise<void> {
    const rule = this.catalogue.get(ruleId);
    try {
      await assertion();
      this.push({ rule: ruleId, status: 'pass' });
    } catch (e) {
      // Already attributed to another rule (e.g. a response check inside this block): pass it on as it is.
      if (e instanceof ContractViolation || (e instanceof HarnessError && (e as { recorded?: boolean }).recorded)) throw e;
      const message = messageOf(e);
      if (!isAssertion(e)) {
        this.push({ rule: ruleId, status: 'error', message });
        const err = new HarnessError(`[${ruleId}] could not be checked: ${message}`, { cause: e });
        Object.assign(err, { recorded: true });
        throw err;
      }
      this.push({ rule: ruleId, status: 'fail', message });
      if (rule.level === 'MUST' && !this.baseline.entries.has(ruleId)) throw new ContractViolation(ruleId, message);
    }
  }

  /** The rule does not apply to this target or configuration. */
  skip(ruleId: string, reason: string): void {
    this.catalogue.get(ruleId);
    this.outcomes.push({ rule: ruleId, status: 'skip', message: reason });
  }

  /** Did any check of this test not pass, or pass only after the target asked us to wait? Then its transcript is worth attaching. */
  get anyNotPassed(): boolean {
    return this.outcomes.some((o) => o.status !== 'pass' || o.flaky !== undefined);
  }
}
