import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** Root of the JSON Schemas: the single source of truth for every model, used by contracts, checks and mocks. */
export const SCHEMAS_DIR = resolve(__dirname, '../../schemas');

export interface SchemaFile {
  readonly file: string;
  readonly id: string;
  readonly schema: Record<string, unknown>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.schema.json') ? [path] : [];
  });
}

/**
 * All schemas under `schemas/`, compiled into one Ajv (JSON Schema 2020-12, ajv-formats) per process, and the
 * folder of any schema a contract refers to elsewhere (a provider declared outside the checkout's folders).
 * Validators are compiled once and cached by schema id.
 */
export class SchemaRegistry {
  private static shared: SchemaRegistry | undefined;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly loaded: SchemaFile[] = [];

  private constructor(root: string) {
    // verbose: errors carry the subschema they come from, so a known kind of error can be told to its own rule.
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
    addFormats(this.ajv);
    // OpenAPI and JSON Schema annotations we use in schema files; not validation keywords.
    this.ajv.addKeyword('x-source');
    this.add(root);
  }

  get files(): readonly SchemaFile[] {
    return this.loaded;
  }

  /** Every schema file under `dir` not loaded yet. */
  private add(dir: string): void {
    const known = new Set(this.loaded.map((f) => f.file));
    const added = walk(dir)
      .map((file) => resolve(file))
      .filter((file) => !known.has(file))
      .map((file) => {
        const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        const id = schema.$id;
        if (typeof id !== 'string') throw new Error(`${file} has no $id`);
        return { file, id, schema };
      });
    this.loaded.push(...added);
    for (const f of added) this.ajv.addSchema(f.schema);
  }

  static get(): SchemaRegistry {
    SchemaRegistry.shared ??= new SchemaRegistry(SCHEMAS_DIR);
    return SchemaRegistry.shared;
  }

  /**
   * The `$id` of the schema stored in `file` (an absolute path). A file outside `schemas/` is loaded with its
   * folder (the schemas it refers to stand beside it): a provider declared elsewhere brings its own schemas.
   */
  idOfFile(file: string): string {
    const path = resolve(file);
    if (!this.loaded.some((f) => f.file === path) && existsSync(path)) this.add(dirname(path));
    const found = this.loaded.find((f) => f.file === path);
    if (!found) throw new Error(`no schema file ${file}`);
    return found.id;
  }

  /** A validator for a schema id, or for an inline schema object (keyed by its JSON text). */
  validator(schema: string | Record<string, unknown>): ValidateFunction {
    const key = typeof schema === 'string' ? schema : JSON.stringify(schema);
    let v = this.validators.get(key);
    if (!v) {
      const compiled = typeof schema === 'string' ? this.ajv.getSchema(schema) : this.ajv.compile(schema);
      if (!compiled) throw new Error(`unknown schema ${key}`);
      v = compiled;
      this.validators.set(key, v);
    }
    return v;
  }

  validate(schema: string | Record<string, unknown>, value: unknown, owners: readonly SchemaErrorOwner[] = []): SchemaCheck {
    const v = this.validator(schema);
    const valid = v(value) as boolean;
    if (valid) return { valid, errors: [], owned: new Map() };
    const errors: string[] = [];
    const owned = new Map<string, string[]>();
    for (const e of v.errors ?? []) {
      const owner = owners.find((o) => this.subschema(o.at) === e.parentSchema && (!('data' in o) || Object.is(o.data, e.data)));
      if (owner) owned.set(owner.rule, [...(owned.get(owner.rule) ?? []), describeError(e)]);
      else errors.push(describeError(e));
    }
    return { valid: errors.length === 0, errors, owned };
  }

  /** The subschema at `<$id, or path under schemas/>#<JSON pointer>`, e.g. `jupyter/Session.schema.json#/properties/name`. */
  subschema(at: string): unknown {
    const [name = '', pointer = ''] = at.split('#');
    const files = this.files.filter((f) => f.id === name || f.id.endsWith(`/${name}`));
    if (files.length !== 1) throw new Error(`schema error owner ${at}: ${files.length ? 'more than one' : 'no'} schema ${name}`);
    const file = files[0]!;
    let node: unknown = file.schema;
    for (const key of pointer.split('/').filter(Boolean)) {
      node = (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (node === undefined) throw new Error(`schema error owner: ${at} points at nothing`);
    }
    return node;
  }
}

/**
 * A kind of schema error that is a deviation of its own, with its own rule (e.g. `"name": null` in a Session):
 * wherever it shows up (in a list holding another test's session too), it is told to that rule, not to the
 * catch-all response-schema rule.
 */
export interface SchemaErrorOwner {
  /** `<schema $id, or path under schemas/>#<JSON pointer>` of the subschema whose errors the rule owns. */
  readonly at: string;
  /** Only errors on this value (e.g. `null`); any value when absent. */
  readonly data?: unknown;
  readonly rule: string;
}

export interface SchemaCheck {
  /** No error that is not owned by another rule. */
  readonly valid: boolean;
  /** Errors of the schema's own rule. */
  readonly errors: readonly string[];
  /** Errors owned by other rules, by rule id. */
  readonly owned: ReadonlyMap<string, readonly string[]>;
}

/** One ajv error as a line a person can read: `/kernel: must have required property 'id'`. */
export function describeError(e: ErrorObject): string {
  return `${e.instancePath || '(root)'}: ${e.message ?? e.keyword}`;
}
