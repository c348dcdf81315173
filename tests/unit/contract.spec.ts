import { expect, test } from '@playwright/test';
import { SchemaRegistry } from '../../harness/contract/schemas';
import { discoverProviders, providersByName } from '../../harness/provider/discover';

const providers = providersByName();

test.describe('contracts and schemas', () => {
  test('every schema file compiles, and every contract response schema resolves to a schema file', () => {
    const registry = SchemaRegistry.get();
    for (const f of registry.files) expect(() => registry.validator(f.id), f.file).not.toThrow();
    for (const provider of Object.values(providers)) {
      for (const op of provider.contract.openapi.operations()) {
        for (const r of op.responses) if (r.schema) expect(() => registry.validator(r.schema!), `${op.operationId} ${r.status}`).not.toThrow();
      }
    }
  });

  test('a documented status is found exactly, by range, or by default', () => {
    const c = providers.jupyter!.contract.openapi;
    expect(c.responseFor('createSession', 201)?.status).toBe('201');
    expect(c.responseFor('createSession', 418)).toBeUndefined();
  });

  test('the Jupyter Session schema rejects a kernel without id and accepts the server\'s extra fields', () => {
    const registry = SchemaRegistry.get();
    const id = 'https://session-conformance.dev/schemas/jupyter/Session.schema.json';
    const kernel = { id: '9ec149d3-1111-4111-8111-111111111111', name: 'python3' };
    expect(registry.validate(id, { id: '22193eb2-8d4f-43bc-bc83-420939c3cc43', path: 'a', kernel, notebook: { path: 'a' } }).valid).toBe(true);
    const bad = registry.validate(id, { kernel: { name: 'python3' } });
    expect(bad.valid).toBe(false);
    expect(bad.errors.join()).toContain("must have required property 'id'");
  });

  test('every contract operation has a documented success answer', () => {
    for (const provider of Object.values(providers)) {
      for (const op of provider.contract.openapi.operations()) {
        expect(op.responses.some((r) => /^2/.test(r.status)), `${provider.contract.name} ${op.operationId}`).toBe(true);
      }
    }
  });
});

test("every provider's OpenAPI document reads, and each body rule it names is a rule of its catalogue", () => {
  // Read lazily by the suites (a worker needs only its provider's): here all of them, so a typo fails `npm test`.
  for (const provider of discoverProviders()) {
    const operations = provider.contract.openapi.operations();
    expect(operations.length, provider.name).toBeGreaterThan(0);
    for (const op of operations) for (const r of op.responses) if (r.bodyRule) expect(provider.contract.catalogue.has(r.bodyRule), `${op.operationId} ${r.status}`).toBe(true);
  }
});
