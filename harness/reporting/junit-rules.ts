import type { ProjectReport } from './project-report';
import { plainText } from '../text';

/**
 * JUnit XML with one test case per rule, for CI systems: a failed MUST or an error is a failure, a skipped or
 * unselected rule is skipped; warnings and known deviations pass, with their reason as output.
 */
export function renderRulesJunit(r: ProjectReport): string {
  const c = r.verdict.counts;
  const cases = r.rules.map((rule) => {
    const name = `${rule.id} (${rule.level})`;
    const body =
      rule.status === 'fail' || rule.staleBaseline
        ? `<failure message="${attr(rule.reason ?? 'failed')}">${text([rule.reason, rule.transcript, rule.counterexample].filter(Boolean).join('\n\n'))}</failure>`
        : rule.status === 'error'
          ? `<error message="${attr(rule.reason ?? 'error')}">${text(rule.transcript ?? '')}</error>`
          : rule.status === 'skip' || rule.status === 'not-run'
            ? `<skipped message="${attr(rule.reason ?? rule.status)}"/>`
            : rule.status === 'warn' || rule.status === 'known-deviation'
              ? `<system-out>${text(`${rule.status}: ${rule.reason ?? ''}`)}</system-out>`
              : '';
    return `    <testcase classname="${attr(r.project)}" name="${attr(name)}">${body}</testcase>`;
  });
  const failures = r.rules.filter((x) => x.status === 'fail' || x.staleBaseline).length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="session-conformance ${attr(r.project)}" tests="${r.rules.length}" failures="${failures}" errors="${c.error}">
  <testsuite name="${attr(r.project)}" tests="${r.rules.length}" failures="${failures}" errors="${c.error}" skipped="${c.skip + c['not-run']}" timestamp="${attr(r.date)}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function text(s: string): string {
  // XML 1.0 forbids most control characters; ANSI escapes from assertion messages are dropped.
  return plainText(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
