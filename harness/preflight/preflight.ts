/** Marks the message of a failed preflight, so the reporter can show it as the one reason a suite did not run. */
export const PREFLIGHT_FAILED = 'Preflight failed:';

/** The setup project that checks a provider's target before its suite runs. */
export function preflightProject(provider: string): string {
  return `${provider}:preflight`;
}
