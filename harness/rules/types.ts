/** A rule of a provider's contract: the unit every check, baseline entry and report line refers to. */
export type RuleLevel = 'MUST' | 'SHOULD';

/**
 * How the contract backs a rule; docs/rules.md shows it next to the level.
 * - `stated`: the quoted sentence says what the rule demands, in the contract or in a standard the contract relies
 *   on (HTTP, OAuth2), read in its plain meaning. The only basis a MUST may have. A stated rule may still be a
 *   SHOULD: when the standard itself says SHOULD, or when the contract's documents (or its own reference
 *   implementation) disagree; its reference says why.
 * - `inferred`: the contract leaves it open; the rule is the reading a careful server meets. Always a SHOULD; the
 *   reference says what is not stated.
 * - `seen-in-code`: the contract leaves it open; the rule is what the reference implementation or an official client
 *   does, and the reference links that code. Always a SHOULD.
 */
export type RuleBasis = 'stated' | 'inferred' | 'seen-in-code';

export interface Rule {
  /** Stable, greppable id: `<provider>.<slug>`; also the Playwright tag `@<id>`. */
  readonly id: string;
  /**
   * Ids the rule was known by before (when ids were made to follow one pattern). Baselines, tags and checks may
   * still name them; every report shows `id`.
   */
  readonly formerIds?: readonly string[];
  readonly level: RuleLevel;
  /** One line a vendor can read: what the target must (or should) do. */
  readonly title: string;
  /** The sentence the rule comes from, quoted. */
  readonly source: string;
  /**
   * Where that sentence stands: a public URL pinned to a tag or commit, with its section or lines, and the copy
   * shipped in `contracts/<provider>/upstream/` when the licence allows; for a rule that is not `stated`, also what
   * the contract leaves open.
   */
  readonly reference: string;
  readonly basis: RuleBasis;
  /** Operations the rule exercises (contract operationIds), for the coverage view. */
  readonly operations?: readonly string[];
}

/** What one check of a rule found. */
export type CheckStatus = 'pass' | 'fail' | 'error' | 'skip';

export interface CheckOutcome {
  readonly rule: string;
  readonly status: CheckStatus;
  readonly message?: string;
  /**
   * Set when the check came after the target asked us to wait (429, 503 with Retry-After) in the same test:
   * what was repeated, or why it was not. The outcome may depend on the target's load.
   */
  readonly flaky?: string;
}

/** What the report says of a rule after all its checks and the baseline are taken into account. */
export type RuleStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'known-deviation' | 'error' | 'not-run';

export interface RuleResult {
  readonly id: string;
  readonly level: RuleLevel;
  readonly title: string;
  readonly source: string;
  readonly reference: string;
  readonly status: RuleStatus;
  /** Why: the first failure message, the skip reason, or the baseline's reason. */
  readonly reason?: string;
  /** The rule is in the baseline but every check passed: the baseline entry is stale. */
  readonly staleBaseline?: boolean;
  readonly checks: { readonly pass: number; readonly fail: number; readonly error: number; readonly skip: number };
  /** Titles of the tests that checked the rule. */
  readonly tests: readonly string[];
  /**
   * The rule whose failure kept a test from reaching this one (a `skip` whose reason is "blocked by …"), or,
   * for a rule checked elsewhere, that kept one of its tests from reaching it.
   */
  readonly blockedBy?: string;
  /**
   * Some checks of the rule came after the target asked us to wait, and a request was repeated (or could not
   * be): the status is what the checks found, but it may depend on load. `checks` counts them; `reason` is the
   * first such note.
   */
  readonly flaky?: { readonly checks: number; readonly reason: string };
}
