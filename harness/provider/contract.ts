import { resolve } from 'node:path';
import { Contract } from '../contract/openapi';
import type { ResponseRules } from '../http/contract-client';
import { RuleCatalogue } from '../rules/catalogue';
import type { Rule } from '../rules/types';

/** The settings every provider's target has, whatever else it needs. */
export interface TargetSettings {
  /** Root URL of the target's API. */
  readonly baseUrl: string;
  /** True when the run targets the bundled mock (the provider's *_BASE_URL is unset). */
  readonly usesMock: boolean;
  /** Baseline chosen by configuration (`<PROVIDER>_BASELINE`), a file name under contracts/<provider>/baselines/. */
  readonly baseline?: string;
  /** Values that must never reach a report: tokens, keys, passwords. */
  readonly secrets: readonly string[];
  /** The configuration as the report may show it: no secret values. */
  readonly shown: Readonly<Record<string, string>>;
}

/** A provider's contract: its rules, its OpenAPI document, and the rules its response checks report to. */
export interface ProviderContract {
  readonly name: string;
  readonly catalogue: RuleCatalogue;
  /** The provider's OpenAPI document. */
  readonly openapi: Contract;
  readonly responseRules: ResponseRules;
  readonly baselinesDir: string;
}

export function defineProviderContract(options: {
  name: string;
  /** The contract's folder (openapi.yaml, baselines/): its own `__dirname`. */
  dir: string;
  rules: readonly Rule[];
  responseRules: ResponseRules;
}): ProviderContract {
  const dir = resolve(options.dir);
  const catalogue = new RuleCatalogue(options.name, options.rules);
  const { schemaErrorOwners = [], perAnswer: _perAnswer, ...automatic } = options.responseRules;
  for (const id of [...Object.values(automatic), ...schemaErrorOwners.map((o) => o.rule)]) catalogue.get(id);
  let openapi: Contract | undefined;
  return {
    name: options.name,
    catalogue,
    // Read when first used: a worker process runs one provider's suite, and needs no other provider's document.
    get openapi(): Contract {
      if (!openapi) {
        openapi = new Contract(resolve(dir, 'openapi.yaml'));
        // A body rule named in the contract must be a rule of the catalogue: a typo would report to nothing.
        for (const op of openapi.operations()) for (const r of op.responses) if (r.bodyRule) catalogue.get(r.bodyRule);
      }
      return openapi;
    },
    responseRules: options.responseRules,
    baselinesDir: resolve(dir, 'baselines'),
  };
}
