import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolGradCases } from '../../test/grad-suite.js';
import { seededUniform } from '../../test/random.js';
import { maxPoolGradWasm } from './max-pool-grad-wasm.js';
import { maxPoolGradImpl, poolGradInfo } from './pool-grad-impl.js';
import { registerTrainingKernels } from './register-training-kernels.js';
import { generatedKernel } from './simd/instantiate.js';
import { writeMaxPoolGradModule } from './simd/max-pool-grad-module.js';
import { heapF32, type WasmBackendLike } from './wasm-kernel-calls.js';

beforeAll(async () => {
  await registerTrainingKernels();
});

describe.each(['cpu', 'wasm'])('pool gradients on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  poolGradCases(backend);
});

describe('pool gradient registration', () => {
  it("is camkit's for every pool (no delegation to a stock kernel)", () => {
    expect(tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc.name).toBe('maxPoolGradWasm');
    expect(tf.getKernel('AvgPoolGrad', 'wasm')?.kernelFunc.name).toBe('avgPoolGradWasm');
    expect(tf.getKernel('AvgPoolGrad', 'cpu')?.kernelFunc.name).toBe('avgPoolGradCpu');
  });
});

describe('wasm max-pool gradient, SIMD path', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it.each([
    ['3×3/2 same', [2, 13, 11, 24], 3, 2, 'same'],
    ['2×2/2 valid', [1, 9, 8, 16], 2, 2, 'valid'],
    ['3×3/1 same', [1, 6, 5, 8], 3, 1, 'same'],
  ] as const)(
    '%s: bit-identical to the JS first-max loop, ties and negatives included',
    (_, shape, size, stride, pad) => {
      const backend = tf.backend() as unknown as WasmBackendLike;
      // The SIMD module compiles here (else the kernel would be testing the JS loop against itself).
      expect(generatedKernel(backend, 'maxPoolGrad', writeMaxPoolGradModule)).not.toBeNull();
      const n = (shape as readonly number[]).reduce((a, b) => a * b, 1);
      // Integers in [-6, 2]: many tied windows, some all-negative.
      const xv = seededUniform(21, n).map((v) => Math.round(v * 4 - 2));
      const info = poolGradInfo(shape, { filterSize: size, strides: stride, pad });
      const dyv = seededUniform(22, shape[0] * info.outHeight * info.outWidth * shape[3]);
      const expected = new Float32Array(n);
      maxPoolGradImpl(xv, dyv, expected, shape, info);
      const x = tf.tensor4d(xv, [...shape]);
      const dy = tf.tensor4d(dyv, [shape[0], info.outHeight, info.outWidth, shape[3]]);
      const out = maxPoolGradWasm({
        inputs: { dy: dy as never, input: x as never },
        backend,
        attrs: { filterSize: size, strides: stride, pad },
      });
      expect(Array.from(heapF32(backend, out))).toEqual(Array.from(expected));
      backend.disposeData(out.dataId);
      tf.dispose([x, dy]);
    },
  );
});
