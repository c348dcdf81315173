import { ConfigError, envString, envUrl } from './env';

/**
 * One configuration variable, declared once: its name, what it means, how it is read and checked, what the
 * bundled mock uses when it is unset, and how a report may show it. The reader, the README's configuration
 * table, `.env.example`, the bench's blanked environment and the secrets self-proof all derive from these.
 */
export interface Setting<T> {
  readonly env: string;
  /** What it means, for the README and `.env.example`. */
  readonly doc: string;
  /** The default as the README states it. */
  readonly defaultDoc: string;
  /** An example value for `.env.example` (empty: none). */
  readonly example: string;
  /**
   * A value of the target itself (its URL, credentials, ids, baseline), not a tuning with a default: CI takes it
   * from the repository secret of the same name.
   */
  readonly perTarget: boolean;
  /** A secret never reaches a report: its value (and `secretParts` of it) are redacted everywhere. */
  readonly secret: boolean;
  /** Parses the raw value (undefined when unset or blank); `usesMock` is true when the target is the bundled mock. */
  read(raw: string | undefined, usesMock: boolean): T;
  /** How the report's configuration table shows it; secrets show whether they are set, never their value. */
  show(value: T, raw: string | undefined): string;
  /** Further values to redact, derived from a secret (e.g. the key inside `apikey <key>`). */
  secretParts?(value: T): string[];
  /** A value of the right shape for the secrets self-proof (a distinctive string goes in, a valid value comes out). */
  sample?(distinct: string): string;
}

export type SettingValue<S> = S extends Setting<infer T> ? T : never;
export type SettingValues<D extends Record<string, Setting<unknown>>> = { readonly [K in keyof D]: SettingValue<D[K]> };

interface Common {
  readonly doc: string;
  /** README wording of the default, when the generated one says too little. */
  readonly defaultDoc?: string;
  readonly example?: string;
}

function unsetOr<T>(value: T | undefined, shown: (v: T) => string): string {
  return value === undefined ? '(unset)' : shown(value);
}

/**
 * A secret (token, key, password). `mock` is what the bundled mock takes when it is unset; `required`: the
 * message when a real target cannot be checked without it. `mockShown`: how the report shows the mock's value.
 */
export function secret(env: string, o: Common & {
  readonly mock?: string;
  readonly required?: string;
  readonly mockShown?: string;
  readonly parts?: (v: string) => string[];
  readonly shown?: (v: string) => string;
  readonly sample?: (distinct: string) => string;
}): Setting<string | undefined> {
  return {
    env, doc: o.doc, example: o.example ?? '', secret: true, perTarget: true,
    defaultDoc: o.defaultDoc ?? (o.mock !== undefined ? "the mock's" : 'none'),
    read(raw, usesMock) {
      if (raw === undefined && !usesMock && o.required) throw new ConfigError(o.required);
      return raw ?? (usesMock ? o.mock : undefined);
    },
    show: (v, raw) => (v === undefined ? '(unset)' : raw === undefined && o.mockShown !== undefined ? o.mockShown : (o.shown?.(v) ?? '(set)')),
    ...(o.parts ? { secretParts: (v: string | undefined) => (v === undefined ? [] : o.parts!(v)) } : {}),
    sample: o.sample ?? ((distinct: string) => distinct),
  };
}

/** Plain text (an id, a user name), shown in reports as it is. */
export function text(env: string, o: Common & { readonly mock?: string; readonly required?: string }): Setting<string | undefined> {
  return {
    env, doc: o.doc, example: o.example ?? '', secret: false, perTarget: true,
    defaultDoc: o.defaultDoc ?? (o.mock !== undefined ? "the mock's" : 'none'),
    read(raw, usesMock) {
      if (raw === undefined && !usesMock && o.required) throw new ConfigError(o.required);
      return raw ?? (usesMock ? o.mock : undefined);
    },
    show: (v) => unsetOr(v, String),
  };
}

/** An http(s) URL, checked at the start; undefined when unset. */
export function url(env: string, o: Common): Setting<string | undefined> {
  return {
    env, doc: o.doc, example: o.example ?? '', secret: false, perTarget: true, defaultDoc: o.defaultDoc ?? 'none',
    read: () => envUrl(env),
    show: (v) => unsetOr(v, String),
  };
}

/** An integer ≥ `min`, with a default (and, optionally, another for the bundled mock). */
export function integer(env: string, o: Common & { readonly default: number; readonly min: number; readonly mock?: number }): Setting<number> {
  return {
    env, doc: o.doc, example: o.example ?? String(o.default), secret: false, perTarget: false,
    defaultDoc: o.defaultDoc ?? `\`${o.default}\``,
    read(raw, usesMock) {
      if (raw === undefined) return usesMock && o.mock !== undefined ? o.mock : o.default;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < o.min) throw new ConfigError(`${env}="${raw}" must be an integer ≥ ${o.min}`);
      return n;
    },
    show: String,
  };
}

/** A positive number of seconds (decimals allowed); undefined when unset, but for the bundled mock's `mock`. */
export function seconds(env: string, o: Common & { readonly mock?: number }): Setting<number | undefined> {
  return {
    env, doc: o.doc, example: o.example ?? '', secret: false, perTarget: true,
    defaultDoc: o.defaultDoc ?? (o.mock !== undefined ? `\`${o.mock}\` for the mock` : 'none'),
    read(raw, usesMock) {
      if (raw === undefined) return usesMock ? o.mock : undefined;
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${env}="${raw}" must be a positive number of seconds`);
      return n;
    },
    show: (v) => unsetOr(v, String),
  };
}

/** One of a few words, with a default. */
export function choice<const C extends string>(env: string, o: Common & { readonly choices: readonly C[]; readonly default: C }): Setting<C> {
  return {
    env, doc: o.doc, example: o.example ?? o.default, secret: false, perTarget: false, defaultDoc: o.defaultDoc ?? `\`${o.default}\``,
    read(raw) {
      if (raw === undefined) return o.default;
      if (!(o.choices as readonly string[]).includes(raw)) throw new ConfigError(`${env}="${raw}" must be ${o.choices.join(' or ')}`);
      return raw as C;
    },
    show: String,
  };
}

/** The baseline file (without `.yaml`) under the contract's baselines/ folder; none when unset. */
export function baseline(env: string, o: Partial<Common> = {}): Setting<string | undefined> {
  return {
    env, doc: o.doc ?? 'baseline file in the contract\'s baselines/ folder', example: o.example ?? '', secret: false, perTarget: true, defaultDoc: o.defaultDoc ?? 'none',
    read: (raw) => raw,
    show: (v) => v ?? '(none)',
  };
}

/** Reads every setting of a set from the environment (and `.env`); a wrong value is a ConfigError naming it. */
export function readSettings<D extends Record<string, Setting<unknown>>>(settings: D, usesMock: boolean): {
  readonly values: SettingValues<D>;
  readonly secrets: string[];
  readonly shown: Record<string, string>;
} {
  const values: Record<string, unknown> = {};
  const secrets: string[] = [];
  const shown: Record<string, string> = {};
  for (const [key, s] of Object.entries(settings)) {
    const raw = envString(s.env);
    const value = s.read(raw, usesMock);
    values[key] = value;
    shown[s.env] = s.show(value, raw);
    if (s.secret && typeof value === 'string') secrets.push(value, ...(s.secretParts?.(value) ?? []));
  }
  return { values: values as SettingValues<D>, secrets, shown };
}
