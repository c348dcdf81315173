import type { Provider } from '../../harness/provider/define';

const HEADER = `# Copy to .env (git-ignored) or set in the environment; the environment wins.
# A provider whose *_BASE_URL is unset is run against its bundled mock. See README, "Configuration".
`;

/** `.env.example`: one section per provider from its declared variables; the run-wide part is kept as written. */
export function renderEnvExample(providers: readonly Provider[], current: string): string {
  const runWide = current.slice(current.indexOf('# Run-wide'));
  const sections = providers.map((p) => [`# ${p.title}`, ...p.variables.map((v) => `# ${v.env}=${v.example}`)].join('\n'));
  return `${HEADER}\n${sections.join('\n\n')}\n\n${runWide}`;
}
