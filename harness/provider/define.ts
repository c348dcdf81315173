import type { HttpTransport } from '../http/transport';
import { envString } from '../config/env';
import { readSettings, type Setting, type SettingValues } from '../config/settings';
import type { ProviderContract, TargetSettings } from './contract';
import { mockUrl } from './ports';

/** Every provider declares its base URL and its baseline; the rest of its variables are its own. */
export interface ProviderVariables {
  readonly baseUrl: Setting<string | undefined>;
  readonly baseline: Setting<string | undefined>;
  readonly [key: string]: Setting<unknown>;
}

/** A mock fault as the harness sees it: its name and the rule that must catch it. */
export interface DeclaredFaults {
  readonly list: readonly { readonly name: string; readonly rule: string; readonly description: string }[];
  readonly together: readonly (readonly string[])[];
}

/** The provider's bundled mock: the module `mocks/serve.ts` loads (it exports `mock`), and its faults. */
export interface MockDeclaration {
  readonly module: string;
  readonly faults: DeclaredFaults;
}

/** What a provider's `settings` gets besides the variables' values. */
export interface SettingsContext {
  /** True when the provider's *_BASE_URL is unset: the run targets the bundled mock. */
  readonly usesMock: boolean;
  /** The self-proof's fault namespace of the mock, when this project runs against one. */
  readonly targetUrlOverride?: string;
  /** Root URL of the bundled mock. */
  readonly mockUrl: string;
  /** The target's root: the override, else the configured URL, else the mock (or what `baseUrl` made of them). */
  readonly baseUrl: string;
}

export interface ProviderDeclaration<V extends ProviderVariables, X extends object, S extends TargetSettings & X> {
  readonly name: string;
  /** Where the provider stands in lists (reports, docs/rules.md): lower first; then by name. */
  readonly position?: number;
  /** How `.env.example` and the docs title it (default: the name). */
  readonly title?: string;
  readonly contract: ProviderContract;
  /** Every variable the provider reads, in the order the report shows them. */
  readonly variables: V;
  /** The target's root from the context, when it is not the override, configured URL or mock root as they are. */
  baseUrl?(ctx: Omit<SettingsContext, 'baseUrl'> & { readonly configured?: string }): string;
  /** The provider's typed settings, from the variables' values (checked already). */
  settings(values: SettingValues<V>, ctx: SettingsContext): X;
  /** Report lines that are not a variable's value as it is (e.g. a URL derived from another). */
  shown?(settings: S): Readonly<Record<string, string>>;
  preflight?(settings: S, http: HttpTransport): Promise<string | undefined>;
  version?(settings: S, http: HttpTransport): Promise<string | undefined>;
  readonly mock?: MockDeclaration;
  /** Default fast-check runs of the provider's properties and models, by name (the bench reads them). */
  readonly runs?: Readonly<Record<string, number>>;
  /**
   * Worker processes its suite needs (default 1): as many as it has tests that mostly wait on the real clock, so
   * the waits overlap. Each worker costs a process start; CONFORMANCE_WORKERS caps the run as a whole.
   */
  readonly workers?: number;
}

/** A declared provider: everything the harness, the tests and the scripts derive their pieces from. */
export interface Provider<S extends TargetSettings = TargetSettings> {
  readonly name: string;
  readonly position: number;
  readonly title: string;
  readonly contract: ProviderContract;
  /** Every variable, in declaration order. */
  readonly variables: readonly Setting<unknown>[];
  /** Reads the provider's settings from the environment (and `.env`). */
  settings(targetUrlOverride?: string): S;
  /** True when the run targets the bundled mock (its *_BASE_URL is unset). */
  usesMock(): boolean;
  preflight?(settings: S, http: HttpTransport): Promise<string | undefined>;
  version?(settings: S, http: HttpTransport): Promise<string | undefined>;
  readonly mock?: MockDeclaration;
  readonly runs: Readonly<Record<string, number>>;
  readonly workers: number;
}

/** Declares a provider once: its variables, settings, checks, mock and run counts. */
export function defineProvider<V extends ProviderVariables, X extends object>(
  d: ProviderDeclaration<V, X, TargetSettings & X>,
): Provider<TargetSettings & X> {
  type S = TargetSettings & X;
  const usesMock = () => d.variables.baseUrl.read(envString(d.variables.baseUrl.env), false) === undefined;
  return {
    name: d.name,
    position: d.position ?? Number.MAX_SAFE_INTEGER,
    title: d.title ?? d.name,
    contract: d.contract,
    variables: Object.values(d.variables),
    usesMock,
    settings(targetUrlOverride) {
      const configured = d.variables.baseUrl.read(envString(d.variables.baseUrl.env), false);
      const mock = configured === undefined;
      const { values, secrets, shown } = readSettings(d.variables, mock);
      const base = { usesMock: mock, targetUrlOverride, mockUrl: mockUrl(d.name) };
      const baseUrl = d.baseUrl?.({ ...base, configured }) ?? targetUrlOverride ?? configured ?? base.mockUrl;
      const own = d.settings(values, { ...base, baseUrl });
      const settings = { ...own, baseUrl, usesMock: mock, baseline: values.baseline, secrets, shown } as S;
      shown[d.variables.baseUrl.env] = baseUrl + (mock ? ' (bundled mock)' : '');
      // Keys stay in declaration order: the report shows them so, the base URL first.
      Object.assign(shown, d.shown?.(settings));
      return settings;
    },
    ...(d.preflight ? { preflight: d.preflight } : {}),
    ...(d.version ? { version: d.version } : {}),
    ...(d.mock ? { mock: d.mock } : {}),
    runs: d.runs ?? {},
    workers: d.workers ?? 1,
  };
}

/** The settings type of a declared provider. */
export type SettingsOf<P> = P extends Provider<infer S> ? S : never;
