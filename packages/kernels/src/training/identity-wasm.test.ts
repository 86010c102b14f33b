import '@tensorflow/tfjs'; // tfjs's gradient configs (fused conv's custom gradient)
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  registerWasmTrainingKernels,
  unregisterWasmTrainingKernels,
} from './register-wasm-training-kernels.js';
import { identityWasmConfig } from './identity-wasm.js';
import { stockKernel } from './stock-kernels.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

const backend = () => tf.backend() as unknown as WasmBackendLike & { numDataIds(): number };

describe('wasm Identity shares its input buffer', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('a clone adds no buffer, outlives the original, and frees the buffer with the last reference', async () => {
    registerWasmTrainingKernels();
    const before = backend().numDataIds();
    const a = tf.tensor2d([1, -2, 3, 4.5], [2, 2]);
    const b = tf.clone(a);
    expect(backend().numDataIds()).toBe(before + 1); // stock wasm: before + 2 (a copy)
    expect(b.dataId).toBe(a.dataId);
    a.dispose();
    expect(Array.from(await b.data())).toEqual([1, -2, 3, 4.5]);
    expect(b.shape).toEqual([2, 2]);
    b.dispose();
    expect(backend().numDataIds()).toBe(before);
    // int32 and bool share too; strings still go to the stock kernel.
    const i = tf.tensor1d([7, 8], 'int32');
    const ic = tf.clone(i);
    expect(ic.dtype).toBe('int32');
    expect(Array.from(await ic.data())).toEqual([7, 8]);
    const s = tf.clone(tf.tensor1d(['x', 'y'], 'string'));
    expect(await s.data()).toEqual(['x', 'y']);
    tf.dispose([i, ic, s]);
  });

  it('stock wasm copied (so the test above tells the two apart)', () => {
    unregisterWasmTrainingKernels();
    const before = backend().numDataIds();
    const a = tf.tensor1d([1, 2]);
    const b = tf.clone(a);
    expect(backend().numDataIds()).toBe(before + 2);
    tf.dispose([a, b]);
    registerWasmTrainingKernels();
  });

  it('a fused conv under a gradient (which clones what it saves) gives the same gradients and leaks nothing', async () => {
    const x = tf.randomUniform([2, 6, 6, 8], -1, 1, 'float32', 3);
    const w = tf.randomUniform([3, 3, 8, 4], -1, 1, 'float32', 4);
    const bias = tf.randomUniform([4], -1, 1, 'float32', 5);
    const loss = (xx: tf.Tensor, ww: tf.Tensor) =>
      tf.sum(
        tf.square(
          tf.fused.conv2d({
            x: xx as tf.Tensor4D,
            filter: ww as tf.Tensor4D,
            bias,
            activation: 'relu',
            strides: 1,
            pad: 'same',
          }),
        ),
      );
    const run = async () => {
      const [dx, dw] = tf.grads(loss)([x, w]);
      const out = [await dx.data(), await dw.data()];
      tf.dispose([dx, dw]);
      return out;
    };
    const tensors = tf.memory().numTensors;
    const shared = await run();
    // Only Identity back to stock wasm's copy; the conv gradient kernels stay camkit's.
    const stock = stockKernel('Identity') as tf.KernelConfig;
    tf.unregisterKernel('Identity', 'wasm');
    tf.registerKernel(stock);
    const copied = await run();
    tf.unregisterKernel('Identity', 'wasm');
    tf.registerKernel(identityWasmConfig);
    expect(Array.from(shared[0])).toEqual(Array.from(copied[0]));
    expect(Array.from(shared[1])).toEqual(Array.from(copied[1]));
    expect(tf.memory().numTensors).toBe(tensors);
    tf.dispose([x, w, bias]);
  });
});
