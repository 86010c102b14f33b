import '@tensorflow/tfjs'; // gradient configs and the cpu backend; not the wasm backend
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { registerCamkitKernels } from '../src/index.js';

// In its own file (own process): the wasm backend package must not be loaded before this test.
it('registerCamkitKernels before tfjs-backend-wasm loads leaves wasm alone; called again after, all works', async () => {
  await registerCamkitKernels();
  // Nothing was put in place of stock wasm kernels that do not exist yet (camkit's delegate to them).
  expect(tf.getKernel('FusedConv2D', 'wasm')).toBeUndefined();
  await import('@tensorflow/tfjs-backend-wasm');
  await registerCamkitKernels();
  expect(tf.getKernel('FusedConv2D', 'wasm')?.kernelFunc.name).toBe('fusedConv2DWasm');
  await tf.setBackend('wasm');
  // A 1×1 conv is delegated to the stock XNNPACK kernel: it must still be reachable.
  const y = tf.fused.conv2d({
    x: tf.ones([1, 3, 3, 2]) as tf.Tensor4D,
    filter: tf.ones([1, 1, 2, 4]) as tf.Tensor4D,
    strides: 1,
    pad: 'same',
    bias: tf.ones([4]),
  });
  expect(Array.from(await y.data())).toEqual(Array(36).fill(3));
  // And the depthwise gradient stock wasm lacks is camkit's.
  const g = tf.grad((x: tf.Tensor) =>
    tf.depthwiseConv2d(x as tf.Tensor4D, tf.ones([3, 3, 2, 1]) as tf.Tensor4D, 1, 'valid').sum(),
  )(tf.ones([1, 3, 3, 2]));
  expect(Array.from(await g.data())).toEqual(Array(18).fill(1));
});
