import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
 * All schemas under `schemas/`, compiled into one Ajv (JSON Schema 2020-12, ajv-formats) per process.
 * Validators are compiled once and cached by schema id.
 */
export class SchemaRegistry {
  private static shared: SchemaRegistry | undefined;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  readonly files: readonly SchemaFile[];

  private constructor(root: string) {
    this.ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(this.ajv);
    // OpenAPI and JSON Schema annotations we use in schema files; not validation keywords.
    this.ajv.addKeyword('x-source');
    this.files = walk(root).map((file) => {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const id = schema.$id;
      if (typeof id !== 'string') throw new Error(`${file} has no $id`);
      return { file: resolve(file), id, schema };
    });
    for (const f of this.files) this.ajv.addSchema(f.schema);
  }

  static get(): SchemaRegistry {
    SchemaRegistry.shared ??= new SchemaRegistry(SCHEMAS_DIR);
    return SchemaRegistry.shared;
  }

  /** The `$id` of the schema stored in `file` (an absolute path). */
  idOfFile(file: string): string {
    const found = this.files.find((f) => f.file === resolve(file));
    if (!found) throw new Error(`no schema file ${file} under ${SCHEMAS_DIR}`);
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

  validate(schema: string | Record<string, unknown>, value: unknown): SchemaCheck {
    const v = this.validator(schema);
    const valid = v(value) as boolean;
    return { valid, errors: valid ? [] : (v.errors ?? []).map(describeError) };
  }
}

export interface SchemaCheck {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** One ajv error as a line a person can read: `/kernel: must have required property 'id'`. */
export function describeError(e: ErrorObject): string {
  return `${e.instancePath || '(root)'}: ${e.message ?? e.keyword}`;
}
