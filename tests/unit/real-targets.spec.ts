import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { endKernels, kernelPids } from '../../targets/jupyter/kernel-processes';
import { realTargets } from '../../targets/registry';

test.describe('real targets', () => {
  test('every registered target has its baseline file, and ids are unique', () => {
    for (const t of realTargets) {
      expect(existsSync(resolve(__dirname, `../../contracts/${t.provider}/baselines/${t.baseline}.yaml`)), t.id).toBe(true);
    }
    expect(new Set(realTargets.map((t) => t.id)).size).toBe(realTargets.length);
  });

  test("kernel processes are found by a connection file under the run's workdir, and ended", async () => {
    const workdir = mkdtempSync(join(tmpdir(), 'sc-kernels-'));
    const other = mkdtempSync(join(tmpdir(), 'sc-kernels-other-'));
    // Stand-ins for kernels: node ignores the trailing argument, which looks like `-f <connection file>`.
    const idle = (file: string): ChildProcess => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--', '-f', file], { stdio: 'ignore' });
    const ours = [idle(join(workdir, 'runtime/kernel-1.json')), idle(join(workdir, 'tmp/tmpabc.json'))];
    const theirs = idle(join(other, 'runtime/kernel-2.json'));
    try {
      await expect.poll(() => kernelPids(workdir).sort()).toEqual(ours.map((c) => c.pid).sort());
      await endKernels(workdir);
      expect(kernelPids(workdir)).toEqual([]);
      expect(kernelPids(other)).toEqual([theirs.pid]);
    } finally {
      for (const c of [...ours, theirs]) c.kill('SIGKILL');
    }
  });
});
