import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { convCaseData, relError, winogradGeometry } from '../../test/grad-suite.js';
import { seededUniform } from '../../test/random.js';
import { type RefConvSpec, refConv, refConvGrads } from './conv-grad-reference.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { dilatedWinogradConv3x3, dilatedWinogradFilterGrad3x3 } from './simd/dilated-winograd.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

interface Case extends RefConvSpec {
  name: string;
}

// Sizes that the dilation does not divide (phases of unequal length), 'same' and 'valid', a
// dilation larger than a third of the image (most taps in the padding), and explicit padding.
const CASES: Case[] = [
  {
    name: 'd2 same 13×11, 8→8, batch 2',
    x: [2, 13, 11, 8],
    k: [3, 3],
    co: 8,
    stride: [1, 1],
    pad: 'same',
    dilation: [2, 2],
  },
  {
    name: 'd4 same 14×14, 16→12',
    x: [1, 14, 14, 16],
    k: [3, 3],
    co: 12,
    stride: [1, 1],
    pad: 'same',
    dilation: [4, 4],
  },
  {
    name: 'd3 valid 12×10, 8→4, batch 2',
    x: [2, 12, 10, 8],
    k: [3, 3],
    co: 4,
    stride: [1, 1],
    pad: 'valid',
    dilation: [3, 3],
  },
  {
    name: 'd8 same 9×9, 10→8',
    x: [1, 9, 9, 10],
    k: [3, 3],
    co: 8,
    stride: [1, 1],
    pad: 'same',
    dilation: [8, 8],
  },
  {
    name: 'd2 explicit [2,0]×[4,2] 10×9, 8→4',
    x: [1, 10, 9, 8],
    k: [3, 3],
    co: 4,
    stride: [1, 1],
    pad: [
      [0, 0],
      [2, 0],
      [4, 2],
      [0, 0],
    ],
    dilation: [2, 2],
  },
];

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('dilated 3×3 convs by Winograd on their d² phases (wasm)', () => {
  it.each(CASES)(
    'forward, with and without the bias/ReLU epilogue, equals the float64 loop: $name',
    async (c) => {
      const { g, x: xd, w: wd } = convCaseData(c, 3);
      const x = tf.tensor4d(xd, c.x);
      const w = tf.tensor4d(wd, g.wShape);
      const bias = tf.tensor1d(seededUniform(9, c.co));
      const biasData = await bias.data();
      const backend = tf.backend() as unknown as WasmBackendLike;
      const buffers = backend.numDataIds();
      const ref = refConv(g, xd, wd);
      const plain = dilatedWinogradConv3x3(backend, x, w, winogradGeometry(c, g));
      const fused = dilatedWinogradConv3x3(backend, x, w, winogradGeometry(c, g), { bias, relu: true });
      expect(plain).not.toBeNull(); // the phase path really ran
      expect(fused).not.toBeNull();
      const plainT = tf.engine().makeTensorFromTensorInfo(plain as tf.TensorInfo);
      const fusedT = tf.engine().makeTensorFromTensorInfo(fused as tf.TensorInfo);
      expect(plainT.shape).toEqual([c.x[0], g.outH, g.outW, c.co]);
      expect(relError(await plainT.data(), ref)).toBeLessThanOrEqual(1e-5);
      const reluRef = ref.map((v, i) => Math.max(0, v + (biasData[i % c.co] as number)));
      expect(relError(await fusedT.data(), reluRef)).toBeLessThanOrEqual(1e-5);
      // The registered kernels (Conv2D, FusedConv2D) dispatch dilated convs the same way.
      const viaOp = tf.conv2d(x, w, 1, c.pad, 'NHWC', c.dilation);
      expect(relError(await viaOp.data(), ref)).toBeLessThanOrEqual(1e-5);
      const viaFused = tf.fused.conv2d({
        x,
        filter: w,
        bias,
        activation: 'relu',
        pad: c.pad,
        strides: 1,
        dilations: c.dilation,
      });
      expect(relError(await viaFused.data(), reluRef)).toBeLessThanOrEqual(1e-5);
      tf.dispose([plainT, fusedT, viaOp, viaFused]);
      // No scratch left behind but the filter's transform, kept for its next call
      // (filter-cache.ts) and freed with the filter.
      expect(backend.numDataIds()).toBe(buffers + 1);
      tf.dispose([x, w, bias]);
      expect(backend.numDataIds()).toBe(buffers - 3);
    },
  );

  it.each(CASES)(
    'filter gradient (sum of the phases’ gradients) equals the float64 loop: $name',
    async (c) => {
      const { g, x: xd, w: wd, dy: dyd } = convCaseData(c, 13);
      const x = tf.tensor4d(xd, c.x);
      const dy = tf.tensor4d(dyd, [c.x[0], g.outH, g.outW, c.co]);
      const backend = tf.backend() as unknown as WasmBackendLike;
      const buffers = backend.numDataIds();
      const dw = dilatedWinogradFilterGrad3x3(backend, x, dy, winogradGeometry(c, g));
      expect(dw).not.toBeNull();
      const dwT = tf.engine().makeTensorFromTensorInfo(dw as tf.TensorInfo);
      expect(dwT.shape).toEqual(g.wShape);
      expect(relError(await dwT.data(), refConvGrads(g, xd, wd, dyd).dw)).toBeLessThanOrEqual(1e-5);
      dwT.dispose();
      expect(backend.numDataIds()).toBe(buffers);
      tf.dispose([x, dy]);
    },
  );

  it.each(CASES)('tf.grads of a dilated conv (both gradients) equals the float64 loop: $name', async (c) => {
    const { g, x: xd, w: wd, dy: dyd } = convCaseData(c, 23);
    const x = tf.tensor4d(xd, c.x);
    const w = tf.tensor4d(wd, g.wShape);
    const dy = tf.tensor4d(dyd, [c.x[0], g.outH, g.outW, c.co]);
    const before = tf.memory().numTensors;
    const [dx, dw] = tf.grads((a, b) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, c.pad, 'NHWC', c.dilation),
    )([x, w], dy);
    const ref = refConvGrads(g, xd, wd, dyd);
    expect(relError(await dx.data(), ref.dx)).toBeLessThanOrEqual(1e-5);
    expect(relError(await dw.data(), ref.dw)).toBeLessThanOrEqual(1e-5);
    tf.dispose([dx, dw]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, dy]);
  });

  it('declines padding that does not fall on whole phases (the stock kernel then runs, still exact)', async () => {
    const c: Case = {
      name: 'd2 pad 1',
      x: [1, 8, 8, 8],
      k: [3, 3],
      co: 4,
      stride: [1, 1],
      pad: [
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 0],
      ],
      dilation: [2, 2],
    };
    const { g, x: xd, w: wd } = convCaseData(c, 31);
    const x = tf.tensor4d(xd, c.x);
    const w = tf.tensor4d(wd, g.wShape);
    const backend = tf.backend() as unknown as WasmBackendLike;
    expect(dilatedWinogradConv3x3(backend, x, w, winogradGeometry(c, g))).toBeNull();
    const y = tf.conv2d(x, w, 1, c.pad as tf.backend_util.ExplicitPadding, 'NHWC', c.dilation);
    expect(relError(await y.data(), refConv(g, xd, wd))).toBeLessThanOrEqual(1e-5);
    tf.dispose([x, w, y]);
  });
});
