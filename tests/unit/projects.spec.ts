import { expect, test } from '@playwright/test';
import { discoverProviders, providerFiles } from '../../harness/provider/discover';
import { conformanceProjects, mockServePlan, projectFilters, selectedProviders } from '../../harness/provider/projects';

const providers = discoverProviders();
const files = providerFiles();
const names = files.map((f) => f.name);

test.describe('projects, ports and the mock server plan derived from the declarations', () => {
  test('each provider has one project, named after it (its preflight is in the global setup); fault projects only in the self-proof', () => {
    const projects = conformanceProjects(providers, files, { selfProof: false, names });
    expect(projects.map((p) => p.name)).toEqual(providers.map((p) => p.name));
    for (const p of providers) {
      const suite = projects.find((x) => x.name === p.name)!;
      expect(suite.dependencies ?? []).toEqual([]);
      expect(suite.testDir).toBe(`./suites/${p.name}`);
    }
    const proof = conformanceProjects(providers, files, { selfProof: true, names });
    for (const p of providers) {
      for (const f of p.mock!.faults.list) {
        const project = proof.find((x) => x.name === `${p.name}~${f.name}`)!;
        expect(project.use!.targetUrlOverride).toMatch(new RegExp(`/__fault/${f.name}$`));
        expect((project.grep as RegExp).source).toContain(f.rule.replace(/\./g, '\\.'));
      }
      for (const set of p.mock!.faults.together) expect(proof.some((x) => x.name === `${p.name}~${set.join('+')}`)).toBe(true);
    }
  });

  test('the batched self-proof adds one project per provider for the fault copies, and keeps them out of the suite projects', () => {
    const projects = conformanceProjects(providers, files, { selfProof: true, batched: true, names });
    expect(projects.map((p) => p.name)).toEqual([...providers.map((p) => p.name), ...providers.filter((p) => p.mock).map((p) => `${p.name}~faults`)]);
    for (const p of providers) {
      expect((projects.find((x) => x.name === p.name)!.grepInvert as RegExp).test('[fault delete-noop] a title')).toBe(true);
      expect((projects.find((x) => x.name === `${p.name}~faults`)!.grep as RegExp).test('[fault delete-noop] a title')).toBe(true);
    }
  });

  test('mock ports: the control port at MOCK_PORT_BASE, then one per provider in name order', () => {
    const plan = mockServePlan(providers, { selfProof: true, names });
    const base = plan.control;
    expect(plan.mocks.map((m) => [m.name, m.port])).toEqual(
      providers.map((p) => [p.name, base + 1 + [...names].sort().indexOf(p.name)]),
    );
    expect(new Set(plan.mocks.map((m) => m.port)).size).toBe(providers.length);
  });

  test('only the mocks of the selected projects are planned, and the key names the plan', () => {
    const projects = conformanceProjects(providers, files, { selfProof: false, names });
    const all = mockServePlan(selectedProviders(providers, projects, []), { selfProof: false, names });
    const jupyter = mockServePlan(selectedProviders(providers, projects, projectFilters(['test', '--project=jupyter'])), { selfProof: false, names });
    const two = mockServePlan(selectedProviders(providers, projects, projectFilters(['--project', 'g4', '--project=Cov*'])), { selfProof: false, names });
    expect(all.mocks.map((m) => m.name).sort()).toEqual([...names].sort());
    expect(jupyter.mocks.map((m) => m.name)).toEqual(['jupyter']);
    expect(two.mocks.map((m) => m.name).sort()).toEqual(['coviu', 'g4']);
    expect(new Set([all.key, jupyter.key, two.key]).size).toBe(3);
  });

  test('a provider pointed at a real target gets no mock', () => {
    const before = process.env.JUPYTER_BASE_URL;
    process.env.JUPYTER_BASE_URL = 'http://127.0.0.1:9';
    try {
      const plan = mockServePlan(providers, { selfProof: false, names });
      expect(plan.mocks.map((m) => m.name)).not.toContain('jupyter');
      expect(plan.mocks.length).toBe(providers.length - 1);
    } finally {
      if (before === undefined) delete process.env.JUPYTER_BASE_URL;
      else process.env.JUPYTER_BASE_URL = before;
    }
  });
});
