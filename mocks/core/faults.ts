/** A way a mock can break its contract on purpose, and the rule that must catch it. */
export interface Fault {
  readonly name: string;
  /** The rule whose checks must fail (MUST) or warn (SHOULD) when the fault is on. */
  readonly rule: string;
  readonly description: string;
}

export interface FaultCatalogue<N extends string = string> {
  readonly provider: string;
  readonly list: readonly (Fault & { readonly name: N })[];
  readonly names: ReadonlySet<N>;
  /**
   * The fault that sends every JSON body as text/plain. The mock server applies it to every answer, the same
   * way for every mock, so no mock spells it out.
   */
  readonly textContentType?: N;
  /**
   * Faults the self-proof switches on together, in one namespace, against the whole suite: a target breaks
   * several rules at once, and each must still be caught by its own rule, not hidden behind another.
   */
  readonly together: readonly (readonly N[])[];
}

export function defineFaults<const N extends string>(
  provider: string,
  faults: readonly (Fault & { name: N })[],
  options: { readonly together?: readonly (readonly NoInfer<N>[])[]; readonly textContentType?: NoInfer<N> } = {},
): FaultCatalogue<N> {
  const names = new Set<N>();
  for (const f of faults) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(f.name)) throw new Error(`fault name "${f.name}" must be kebab-case`);
    if (names.has(f.name)) throw new Error(`fault "${f.name}" declared twice`);
    if (!f.rule.startsWith(`${provider}.`)) throw new Error(`fault "${f.name}" names rule ${f.rule} of another provider`);
    names.add(f.name);
  }
  return { provider, list: faults, names, together: options.together ?? [], textContentType: options.textContentType };
}

/** The fault names of a catalogue: `FaultName<typeof jupyterFaults>`. */
export type FaultName<C> = C extends FaultCatalogue<infer N> ? N : never;

/**
 * The faults switched on for a request: from its `/__fault/<a>,<b>` prefix, else from MOCK_FAULTS. Typed by the
 * mock's fault names, so asking for a misspelt fault does not compile.
 */
export class FaultSet<N extends string = string> {
  constructor(private readonly on: ReadonlySet<string>) {}

  has(name: N): boolean {
    return this.on.has(name);
  }

  get size(): number {
    return this.on.size;
  }

  /** `MOCK_FAULTS=jupyter.kernel-id-missing,etherpad.code1-http-200`: the faults of one provider. */
  static fromEnv<N extends string>(provider: string, value: string | undefined, known: ReadonlySet<N>): FaultSet<N> {
    const names = (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith(`${provider}.`))
      .map((s) => s.slice(provider.length + 1));
    for (const n of names) if (!(known as ReadonlySet<string>).has(n)) throw new Error(`MOCK_FAULTS names unknown fault ${provider}.${n}`);
    return new FaultSet<N>(new Set(names));
  }
}
