import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { tileWasmConfig } from './tile-wasm.js';

const CASES: { shape: number[]; reps: number[] }[] = [
  { shape: [1, 1, 1, 5], reps: [3, 4, 2, 1] }, // what tfjs's BatchNorm gradient does
  { shape: [2, 3], reps: [3, 2] },
  { shape: [7], reps: [4] },
  { shape: [3, 1, 4], reps: [1, 5, 1] },
  { shape: [2, 3, 1, 2, 2], reps: [2, 1, 3, 2, 1] },
  { shape: [4, 2], reps: [1, 1] },
  { shape: [3, 0], reps: [2, 2] },
];

/** Output element by element from its multi-index: out[j] = x[j mod shape], the definition. */
function reference(x: ArrayLike<number>, shape: number[], reps: number[]): number[] {
  const outShape = shape.map((d, i) => d * reps[i]);
  const size = outShape.reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let flat = 0; flat < size; flat++) {
    let rem = flat;
    let src = 0;
    let stride = 1;
    const idx = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rem % outShape[d];
      rem = Math.floor(rem / outShape[d]);
    }
    for (let d = shape.length - 1; d >= 0; d--) {
      src += (idx[d] % shape[d]) * stride;
      stride *= shape[d];
    }
    out.push(x[src]);
  }
  return out;
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('wasm Tile by block copies', () => {
  it('is the kernel registered for wasm', () => {
    expect(tf.getKernel('Tile', 'wasm')).toBe(tileWasmConfig);
  });

  it.each(CASES)(
    'tiles $shape by $reps like the definition, for float32, int32 and bool',
    ({ shape, reps }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const f = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 10);
      const int = Int32Array.from({ length: n }, (_, i) => ((i * 7919) % 2001) - 1000);
      const bits = Array.from({ length: n }, (_, i) => (i * 13) % 3 === 0);
      const before = tf.memory().numTensors;
      const dataIds = tf.engine().backend.numDataIds();
      for (const [values, dtype] of [
        [f, 'float32'],
        [int, 'int32'],
        [bits, 'bool'],
      ] as const) {
        const x = tf.tensor(values as never, shape, dtype);
        const y = tf.tile(x, reps);
        expect(y.shape).toEqual(shape.map((d, i) => d * reps[i]));
        expect(y.dtype).toBe(dtype);
        const want = reference(
          Array.from(values as ArrayLike<number | boolean>, (v) => Number(v)),
          shape,
          reps,
        );
        expect(Array.from(y.dataSync())).toEqual(want);
        tf.dispose([x, y]);
      }
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.engine().backend.numDataIds()).toBe(dataIds);
    },
  );

  it("gives tfjs's BatchNorm gradients unchanged (cpu's Tile as the reference)", async () => {
    const x = tf.tensor4d(
      Float32Array.from({ length: 2 * 3 * 4 * 6 }, (_, i) => Math.cos(i * 0.37)),
      [2, 3, 4, 6],
    );
    const mean = tf.tensor1d([0.1, -0.2, 0.3, 0, 0.5, -0.4]);
    const variance = tf.tensor1d([1, 2, 0.5, 0.25, 3, 1.5]);
    const scale = tf.tensor1d([1.5, -1, 0.5, 2, 1, 0.75]);
    const offset = tf.tensor1d([0, 1, -1, 0.5, 0.25, 0]);
    const f = (a: tf.Tensor4D, m: tf.Tensor1D, v: tf.Tensor1D, s: tf.Tensor1D, o: tf.Tensor1D) =>
      tf.sum(tf.mul(tf.batchNorm(a, m, v, o, s, 1e-3), tf.sin(a)));
    const grads = (): number[][] => {
      const g = tf.grads(f as never)([x, mean, variance, scale, offset]);
      const out = g.map((t) => Array.from(t.dataSync()));
      tf.dispose(g);
      return out;
    };
    const wasm = grads();
    const onWasm = [x, mean, variance, scale, offset].map((t) => t.dataSync());
    await tf.setBackend('cpu');
    const cpuInputs = onWasm.map((d, i) => tf.tensor(d, [x, mean, variance, scale, offset][i].shape));
    const g = tf.grads(f as never)(cpuInputs);
    const cpu = g.map((t) => Array.from(t.dataSync()));
    tf.dispose([...g, ...cpuInputs]);
    await tf.setBackend('wasm');
    for (let k = 0; k < cpu.length; k++) {
      for (let i = 0; i < cpu[k].length; i++) expect(wasm[k][i]).toBeCloseTo(cpu[k][i], 4);
    }
    tf.dispose([x, mean, variance, scale, offset]);
  });
});
