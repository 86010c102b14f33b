import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';

/** Values on a coarse grid with many zeros, so windows tie (as after a ReLU). */
function tied(size: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: size }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const v = (s >>> 24) % 5;
    return v < 2 ? 0 : v - 2; // 0, 0, 1, 2, 3
  });
}

async function poolGrad(backend: string, x: Float32Array, shape: number[], size: number, stride: number) {
  await tf.setBackend(backend);
  const xt = tf.tensor4d(x, shape as [number, number, number, number]);
  const g = tf.grad((a) => tf.mul(tf.maxPool(a as tf.Tensor4D, size, stride, 'valid'), tf.scalar(1)).sum())(
    xt,
  );
  // Weighted upstream gradient so a misrouted value shows: d/dx Σ w·pool(x).
  const w = tf.grad((a) => {
    const p = tf.maxPool(a as tf.Tensor4D, size, stride, 'valid');
    return tf.sum(tf.mul(p, tf.range(1, p.size + 1).reshape(p.shape)));
  })(xt);
  const out = { plain: await g.data(), weighted: await w.data() };
  tf.dispose([xt, g, w]);
  return out;
}

beforeAll(() => {
  registerWasmTrainingKernels();
});

describe('wasm MaxPoolGrad (non-overlapping pools, first maximum wins)', () => {
  const cases = [
    { shape: [2, 8, 8, 5], size: 2 },
    { shape: [1, 7, 9, 3], size: 2 }, // odd: the last row/column is outside every window
    { shape: [2, 9, 6, 4], size: 3 },
  ];
  it.each(cases)('equals the cpu backend on tied inputs: $shape, pool $size', async ({ shape, size }) => {
    const x = tied(
      shape.reduce((a, b) => a * b, 1),
      shape.length * 31 + size,
    );
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const wasm = await poolGrad('wasm', x, shape, size, size);
    expect(tf.memory().numTensors).toBe(before);
    const cpu = await poolGrad('cpu', x, shape, size, size);
    expect(Array.from(wasm.weighted)).toEqual(Array.from(cpu.weighted));
    expect(Array.from(wasm.plain)).toEqual(Array.from(cpu.plain));
    // Each window routes exactly one unit of gradient.
    const windows = shape[0] * Math.floor(shape[1] / size) * Math.floor(shape[2] / size) * shape[3];
    expect(Array.from(wasm.plain).reduce((a, b) => a + b, 0)).toBe(windows);
  });

  it('leaves overlapping pools to the stock kernel (3×3 stride 2) and still matches cpu on distinct values', async () => {
    const shape = [1, 9, 9, 2];
    const x = Float32Array.from({ length: 162 }, (_, i) => Math.sin(i * 12.9898) * 437.5);
    const wasm = await poolGrad('wasm', x, shape, 3, 2);
    const cpu = await poolGrad('cpu', x, shape, 3, 2);
    expect(Array.from(wasm.weighted)).toEqual(Array.from(cpu.weighted));
  });
});
