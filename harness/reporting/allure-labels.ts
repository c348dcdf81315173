import type { TestInfo } from '@playwright/test';
import { labels as allureLabels, type Label } from 'allure-js-commons';
import type { RuleCatalogue } from '../rules/catalogue';
import { rulesFromTags } from '../rules/catalogue';

/**
 * Allure's behaviour labels for a conformance test: epic = the provider, feature = each operation the
 * test's rules exercise (their contract operationIds), story = each rule the test is tagged with;
 * severity follows the strongest rule (MUST → critical, SHOULD → normal). So the Allure report groups
 * provider › operation › rule, and its history tracks each rule across nightly runs.
 */
export function conformanceLabels(provider: string, catalogue: RuleCatalogue, tags: readonly string[]): Label[] {
  const rules = rulesFromTags(tags).filter((id) => catalogue.has(id)).map((id) => catalogue.get(id));
  const operations = [...new Set(rules.flatMap((r) => r.operations ?? []))];
  return [
    { name: 'epic', value: provider },
    ...operations.map((value) => ({ name: 'feature', value })),
    ...rules.map((r) => ({ name: 'story', value: r.id })),
    ...(rules.length ? [{ name: 'severity', value: rules.some((r) => r.level === 'MUST') ? 'critical' : 'normal' }] : []),
  ];
}

/**
 * Sends the labels through allure-js-commons' runtime API (one message, attached to the test result),
 * so they reach allure-playwright both in a direct run and through blob reports and `merge-reports`.
 * Without the Allure reporter the message is an inert attachment.
 */
export async function labelForAllure(testInfo: TestInfo, provider: string, catalogue: RuleCatalogue): Promise<void> {
  await allureLabels(...conformanceLabels(provider, catalogue, testInfo.tags));
}
