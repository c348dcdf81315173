import type { Rule } from './types';

/** A provider's rules, indexed by id. Built once; ids are linted so a typo fails loudly at load time. */
export class RuleCatalogue {
  private readonly byId = new Map<string, Rule>();
  /** Former ids (see `Rule.formerIds`) and the rules they now name. */
  private readonly byFormerId = new Map<string, Rule>();

  constructor(readonly provider: string, rules: readonly Rule[]) {
    for (const rule of rules) {
      if (!RuleCatalogue.ID.test(rule.id)) throw new Error(`rule id "${rule.id}" must look like ${RuleCatalogue.ID}`);
      if (!rule.id.startsWith(`${provider}.`)) throw new Error(`rule id "${rule.id}" must start with "${provider}."`);
      if (this.byId.has(rule.id)) throw new Error(`rule id "${rule.id}" is declared twice`);
      if (!rule.source.trim()) throw new Error(`rule "${rule.id}" has no source sentence`);
      this.byId.set(rule.id, rule);
    }
    for (const rule of rules) {
      for (const former of rule.formerIds ?? []) {
        if (!RuleCatalogue.ID.test(former) || !former.startsWith(`${provider}.`)) throw new Error(`former id "${former}" of rule "${rule.id}" is not a rule id of ${provider}`);
        if (this.byId.has(former) || this.byFormerId.has(former)) throw new Error(`former id "${former}" of rule "${rule.id}" is taken`);
        this.byFormerId.set(former, rule);
      }
    }
  }

  static readonly ID = /^[a-z0-9]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /** The rule with this id, or this former id. */
  get(id: string): Rule {
    const rule = this.byId.get(id) ?? this.byFormerId.get(id);
    if (!rule) throw new Error(`unknown rule "${id}" for provider ${this.provider}`);
    return rule;
  }

  has(id: string): boolean {
    return this.byId.has(id) || this.byFormerId.has(id);
  }

  all(): readonly Rule[] {
    return [...this.byId.values()];
  }
}

/** Playwright tag for a rule: `@jupyter.create-returns-201`. Lets `--grep @<rule>` run the checks of one rule. */
export function ruleTag(id: string): string {
  return `@${id}`;
}

export function rulesFromTags(tags: readonly string[]): string[] {
  return tags.filter((t) => t.startsWith('@') && RuleCatalogue.ID.test(t.slice(1))).map((t) => t.slice(1));
}
