import '@tensorflow/tfjs-backend-cpu';
import { fuseCam } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRelErr } from '../../test/cam-helpers.js';
import { randn } from '../../test/random.js';
import { camFuseCpuConfig } from './backends/cpu.js';
import { registerCamkitKernels } from './register.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await registerCamkitKernels();
});

describe("core's fuseCam with and without the CamFuse kernel", () => {
  it.each([
    { n: 2, h: 7, w: 5, k: 9, c: 3, out: [23, 17] as const, batched: true },
    { n: 1, h: 12, w: 12, k: 16, c: 1, out: [24, 24] as const, batched: false },
    { n: 1, h: 6, w: 6, k: 4, c: 2, out: [6, 6] as const, batched: false },
  ])(
    "gives the same maps through the kernel as through core's own stock ops ($h x $w -> $out)",
    async (cs) => {
      const f = tf.tensor4d(
        randn(cs.n * cs.h * cs.w * cs.k).map((v) => Math.max(v, 0)),
        [cs.n, cs.h, cs.w, cs.k],
      );
      const w = cs.batched
        ? tf.tensor3d(randn(cs.n * cs.k * cs.c), [cs.n, cs.k, cs.c])
        : tf.tensor2d(randn(cs.k * cs.c), [cs.k, cs.c]);
      tf.unregisterKernel(camFuseCpuConfig.kernelName, 'cpu');
      const stock = fuseCam(f, w, cs.out);
      await registerCamkitKernels();
      const fused = fuseCam(f, w, cs.out);
      expect(fused.shape).toEqual(stock.shape);
      expect(maxRelErr(await fused.data(), await stock.data())).toBeLessThan(2e-4);
      tf.dispose([f, w, stock, fused]);
    },
  );
});
