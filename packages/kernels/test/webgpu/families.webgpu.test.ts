// Every camkit method on every architecture family on real Dawn (see ./setup.ts) with camkit's
// kernels, against cpu: gray maps to 1e-4, gradient and raw maps to 1e-3 of their magnitude, no
// tensor left behind (test/families/families.test.ts does the same for wasm).
//
// SwiftShader runs these nets ~0.3 s per 32-px image and compiles a pipeline per new shape, and
// Score-CAM / Ablation-CAM cost one pass per channel and image. So by default each family is
// explained at ONE of its layers — the one with the fewest channels among last / mid / inner — with
// every method; CAMKIT_WEBGPU_FAMILIES=full runs all three layers (minutes per family).
import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import { METHODS } from '@camkit/core';
import { FAMILIES, type Family } from '@camkit/core/families';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backends.js';
import {
  compareOutcomes,
  explainRebuilt,
  type FamilyReference,
  familyReference,
  layersOf,
} from '../families/family-harness.js';

const FULL = process.env.CAMKIT_WEBGPU_FAMILIES === 'full';
// A family takes 10–75 s on SwiftShader when the cores are free and well over the package's 120 s
// when they are shared (CPU rendering). A test that times out keeps running into the next one, whose
// tensor count it then disturbs ("-62 tensors leaked"), so each family gets room to finish.
const FAMILY_TIMEOUT_MS = 600_000;

/** The layers explained on webgpu: all three (full), else the one with the fewest channels. */
function webgpuLayers(family: Family, model: LayersModel): string[] {
  const all = layersOf(family);
  if (FULL) return all;
  const channels = (l: string) => (model.getLayer(l).outputShape as number[])[3];
  return [all.reduce((a, b) => (channels(b) < channels(a) ? b : a))];
}

describe.each(FAMILIES)('$name on webgpu', (family) => {
  let cpu: FamilyReference;

  beforeAll(async () => {
    await useBackend('cpu');
    cpu = await familyReference(family, METHODS, (model) => webgpuLayers(family, model));
  }, FAMILY_TIMEOUT_MS);

  it(
    `equals cpu for every method at ${FULL ? 'last, mid and inner' : 'its narrowest layer'}; no tensor growth`,
    async () => {
      await useBackend('webgpu');
      // Throws on a tensor leaked by any single call, or by the run.
      const webgpu = await explainRebuilt(family, cpu.weights, cpu.size, METHODS, cpu.layers);
      // Every method ran on cpu (cam only errs where the family has no GAP → Dense at the layer).
      const failed = [...cpu.outcomes].filter(([k, o]) => 'error' in o && !k.startsWith('cam '));
      expect(failed).toEqual([]);
      expect(compareOutcomes(cpu.outcomes, webgpu, 1e-4, 1e-3)).toEqual([]);
    },
    FAMILY_TIMEOUT_MS,
  );
});
