// Every camkit method on every architecture family, on cpu and on wasm with camkit's kernels:
// wasm equals cpu, gradients equal finite differences, no tensor is left behind, and a few
// training steps on wasm give cpu's weights. (webgpu: test/webgpu/families.webgpu.test.ts.)
import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { FAMILIES } from '@camkit/core/families';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCamkitKernels, registerWasmTrainingKernels } from '../../src/index.js';
import {
  BATCH,
  compareOutcomes,
  explainEverything,
  familyWeights,
  gradientChecks,
  type HostWeights,
  type Outcome,
  relativeErrors,
  trainSteps,
  withFamily,
} from './family-harness.js';

registerWasmTrainingKernels();
await registerCamkitKernels();

async function use(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);
  await tf.ready();
}

describe.each(FAMILIES)('$name', (family) => {
  let weights: HostWeights;
  let size: number;
  const cpu = new Map<string, Outcome>();

  beforeAll(async () => {
    await use('cpu');
    ({ weights, size } = familyWeights(family));
  });
  afterAll(() => tf.disposeVariables());

  it('cpu: every method at the last block, a mid block and inside a block; errors only for cam where it does not apply', async () => {
    await use('cpu');
    for (const [k, v] of await withFamily(family, weights, size, (model, images) =>
      explainEverything(model, family, images),
    ))
      cpu.set(k, v);
    for (const [key, outcome] of cpu) {
      const [method, , layer] = key.split(' ');
      // cam needs layer → GAP → Dense at the output; everything else must succeed.
      const camApplies = method === 'cam' && family.camHead && layer === family.last;
      if (method === 'cam' && !camApplies) {
        expect('error' in outcome ? outcome.error : 'succeeded', key).toMatch(/method 'cam' needs/);
        continue;
      }
      expect('error' in outcome ? outcome.error : '', key).toBe('');
      if (!('result' in outcome)) continue;
      expect(outcome.result.heatmaps.length, key).toBe(BATCH);
      for (const h of outcome.result.heatmaps) {
        expect(h.map.every(Number.isFinite), `${key}: finite`).toBe(true);
        if (h.shape.length === 2)
          expect(Math.max(...h.map) <= 1 && Math.min(...h.map) >= 0, `${key}: in [0, 1]`).toBe(true);
      }
    }
  });

  it('cpu: target-layer and input gradients equal central finite differences', async () => {
    await use('cpu');
    const bad = await withFamily(family, weights, size, (model, images) => {
      const before = tf.memory().numTensors;
      const found = gradientChecks(model, family, images);
      expect(tf.memory().numTensors).toBe(before);
      return found;
    });
    expect(bad).toEqual([]);
  });

  it('wasm equals cpu for every method and layer (gray maps 1e-4, gradients 1e-3 relative); no tensor growth', async () => {
    expect(cpu.size).toBeGreaterThan(0);
    await use('wasm');
    const wasm = await withFamily(family, weights, size, (model, images) =>
      explainEverything(model, family, images),
    );
    expect(compareOutcomes(cpu, wasm, 1e-4, 1e-3)).toEqual([]);
  });

  it('wasm: target-layer and input gradients equal central finite differences', async () => {
    await use('wasm');
    const bad = await withFamily(family, weights, size, (model, images) =>
      gradientChecks(model, family, images),
    );
    expect(bad).toEqual([]);
  });

  it.each(['sgd', 'adam'] as const)(
    'training: %s steps on wasm give cpu weights (1e-4 relative)',
    async (opt) => {
      await use('cpu');
      const onCpu = await trainSteps(family, weights, opt);
      await use('wasm');
      const onWasm = await trainSteps(family, weights, opt);
      // The steps moved the weights (a no-op training would pass the comparison).
      expect(Math.max(...relativeErrors(weights, onCpu))).toBeGreaterThan(1e-4);
      const errs = relativeErrors(onCpu, onWasm);
      const worst = errs.indexOf(Math.max(...errs));
      expect(errs[worst], `weight ${worst} ${weights.shapes[worst]}`).toBeLessThan(1e-4);
    },
  );
});
