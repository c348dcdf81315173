import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { SchemaRegistry } from './schemas';

/** What the contract documents for one status of one operation. */
export interface DocumentedResponse {
  readonly status: string; // "201", "4XX" or "default"
  readonly description: string;
  /** JSON schema of the body, with file $refs turned into schema ids; absent when the response has no body. */
  readonly schema?: string | Record<string, unknown>;
  readonly mediaType?: string;
  /**
   * The rule the body's schema check reports to (`x-body-rule`), where the contract adds a status the published
   * document does not have (an implementation's error body): a SHOULD, not the MUST response-schema rule.
   */
  readonly bodyRule?: string;
}

export interface Operation {
  readonly operationId: string;
  readonly method: string;
  /** Path template, e.g. `/api/sessions/{session}`. */
  readonly path: string;
  readonly summary: string;
  readonly responses: readonly DocumentedResponse[];
}

type Json = Record<string, unknown>;

/**
 * An OpenAPI 3.1 contract (`contracts/<provider>/openapi.yaml`). Schema `$ref`s to files under `schemas/`
 * are resolved to those schemas' `$id`s, so the contract and the checks use the very same schema objects.
 */
export class Contract {
  private readonly doc: Json;
  private readonly ops = new Map<string, Operation>();

  constructor(readonly file: string) {
    this.doc = parse(readFileSync(file, 'utf8')) as Json;
    const paths = (this.doc.paths ?? {}) as Record<string, Json>;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const operationId = String(op.operationId ?? `${method} ${path}`);
        if (this.ops.has(operationId)) throw new Error(`${file}: operationId ${operationId} twice`);
        this.ops.set(operationId, {
          operationId,
          method: method.toUpperCase(),
          path,
          summary: String(op.summary ?? ''),
          responses: Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) =>
            this.documentedResponse(status, this.deref(r)),
          ),
        });
      }
    }
  }

  get title(): string {
    return String((this.doc.info as Json | undefined)?.title ?? this.file);
  }

  operation(operationId: string): Operation {
    const op = this.ops.get(operationId);
    if (!op) throw new Error(`${this.file}: no operation ${operationId}`);
    return op;
  }

  operations(): readonly Operation[] {
    return [...this.ops.values()];
  }

  /** The documented response for a status: exact code, then `4XX`-style range, then `default`. */
  responseFor(operationId: string, status: number): DocumentedResponse | undefined {
    const rs = this.operation(operationId).responses;
    return (
      rs.find((r) => r.status === String(status)) ??
      rs.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
      rs.find((r) => r.status === 'default')
    );
  }

  private documentedResponse(status: string, r: Json): DocumentedResponse {
    const content = (r.content ?? {}) as Record<string, Json>;
    const mediaType = Object.keys(content).find((m) => m.includes('json'));
    return {
      status,
      description: String(r.description ?? ''),
      mediaType,
      schema: mediaType ? this.toSchema((content[mediaType] as Json).schema as Json) : undefined,
      ...(typeof r['x-body-rule'] === 'string' ? { bodyRule: r['x-body-rule'] } : {}),
    };
  }

  /** Follows local `#/components/...` refs. */
  private deref(node: Json): Json {
    let n = node;
    for (let i = 0; i < 10 && typeof n.$ref === 'string' && n.$ref.startsWith('#/'); i++) {
      n = n.$ref
        .slice(2)
        .split('/')
        .reduce<Json>((acc, key) => (acc?.[key] as Json) ?? {}, this.doc);
    }
    return n;
  }

  /** A schema for ajv: a file ref becomes the schema id; local component refs are followed. */
  private toSchema(node: Json): string | Record<string, unknown> {
    const n = this.deref(node);
    if (typeof n.$ref === 'string' && !n.$ref.startsWith('#')) {
      return SchemaRegistry.get().idOfFile(resolve(dirname(this.file), n.$ref));
    }
    return this.rewriteRefs(n) as Record<string, unknown>;
  }

  private rewriteRefs(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.rewriteRefs(n));
    if (typeof node !== 'object' || node === null) return node;
    const n = node as Json;
    if (typeof n.$ref === 'string') {
      const target = this.toSchema(n);
      return typeof target === 'string' ? { $ref: target } : target;
    }
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, this.rewriteRefs(v)]));
  }
}
