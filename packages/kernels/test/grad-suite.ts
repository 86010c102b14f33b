import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  type RefConv,
  type RefConvSpec,
  refConvGeometry,
  refConvGrads,
  refDepthwise,
} from '../src/training/conv-grad-reference.js';
import { backendBuffers } from './backends.js';
import { type PoolSpec, refPool, refPoolGeometry } from './pool-reference-f64.js';
import { seededUniform } from './random.js';

/** A depthwise conv case; `co` is the channel multiplier. */
export interface DepthwiseCase extends RefConvSpec {
  name: string;
}

// Odd sizes, strides 1 and 2, 'same' / 'valid' / explicit padding, channel counts that exercise
// every tile width of the generated code (16, 8, 4) and the channel tail (6 → 8), multipliers > 1.
export const DEPTHWISE_CASES: DepthwiseCase[] = [
  { name: '3×3 same s1, C 8, 7×9, batch 2', x: [2, 7, 9, 8], k: [3, 3], co: 1, stride: [1, 1], pad: 'same' },
  { name: '3×3 same s2, C 20, 9×7', x: [1, 9, 7, 20], k: [3, 3], co: 1, stride: [2, 2], pad: 'same' },
  {
    name: '3×3 valid s2, C 12, 8×8, batch 2',
    x: [2, 8, 8, 12],
    k: [3, 3],
    co: 1,
    stride: [2, 2],
    pad: 'valid',
  },
  { name: '5×5 same s1, C 6 (tail), 7×7', x: [1, 7, 7, 6], k: [5, 5], co: 1, stride: [1, 1], pad: 'same' },
  { name: '5×5 same s2, C 36, 6×6', x: [1, 6, 6, 36], k: [5, 5], co: 1, stride: [2, 2], pad: 'same' },
  {
    name: '3×3 explicit [1,2]×[2,0], C 4',
    x: [2, 5, 6, 4],
    k: [3, 3],
    co: 1,
    stride: [1, 1],
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  {
    name: '3×3 explicit [0,1]×[0,1] s2 (ZeroPadding2D + valid), C 8',
    x: [1, 8, 8, 8],
    k: [3, 3],
    co: 1,
    stride: [2, 2],
    pad: [
      [0, 0],
      [0, 1],
      [0, 1],
      [0, 0],
    ],
  },
  { name: 'multiplier 2, 3×3 same s1, C 3', x: [2, 5, 6, 3], k: [3, 3], co: 2, stride: [1, 1], pad: 'same' },
  {
    name: 'multiplier 3, 3×3 valid s2, C 4',
    x: [1, 9, 8, 4],
    k: [3, 3],
    co: 3,
    stride: [2, 2],
    pad: 'valid',
  },
  { name: '2×3 kernel, strides [2,1], C 5', x: [2, 7, 8, 5], k: [2, 3], co: 1, stride: [2, 1], pad: 'same' },
  {
    name: '3×3 same s1, C 32, 16×16, batch 2',
    x: [2, 16, 16, 32],
    k: [3, 3],
    co: 1,
    stride: [1, 1],
    pad: 'same',
  },
];

// Dilated depthwise convs (stride 1: tfjs allows dilation only there); tfjs's own gradient refuses them.
export const DILATED_DEPTHWISE_CASES: DepthwiseCase[] = [
  {
    name: '3×3 same, dilation 2, C 8',
    x: [2, 9, 9, 8],
    k: [3, 3],
    co: 1,
    stride: [1, 1],
    pad: 'same',
    dilation: [2, 2],
  },
  {
    name: '3×3 valid, dilation [2,3], C 3, multiplier 2',
    x: [1, 10, 11, 3],
    k: [3, 3],
    co: 2,
    stride: [1, 1],
    pad: 'valid',
    dilation: [2, 3],
  },
  {
    name: '2×3 explicit [2,1]×[0,3], dilation [3,2], C 5, batch 2',
    x: [2, 8, 9, 5],
    k: [2, 3],
    co: 1,
    stride: [1, 1],
    pad: [
      [0, 0],
      [2, 1],
      [0, 3],
      [0, 0],
    ],
    dilation: [3, 2],
  },
];

/** Max |a − b| over max |b|. */
export function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / Math.max(scale, 1e-30);
}

/**
 * Seeded x, filter and dy of a conv case (uniform in [-1, 1), seeds `seed`, `seed + 1`, `seed + 2`)
 * with its geometry; the output has `outC` channels (`c.co` for a conv, `C · co` for a depthwise one).
 */
export function convCaseData(c: RefConvSpec, seed: number, outC = c.co) {
  const g = refConvGeometry(c);
  const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
  const dyShape = [c.x[0], g.outH, g.outW, outC] as [number, number, number, number];
  const x = seededUniform(seed, size(c.x));
  const w = seededUniform(seed + 1, size(g.wShape));
  const dy = seededUniform(seed + 2, size(dyShape));
  return { g, dyShape, x, w, dy };
}

/** The geometry camkit's generated Winograd kernels take, of a 3×3 stride-1 conv case. */
export function winogradGeometry(c: RefConvSpec, g: RefConv) {
  return {
    batch: c.x[0],
    inH: c.x[1],
    inW: c.x[2],
    inC: c.x[3],
    outC: c.co,
    outH: g.outH,
    outW: g.outW,
    padTop: g.padTop,
    padLeft: g.padLeft,
    dilation: g.dilation[0],
  };
}

/**
 * `[dx, dw]` of a conv case by running its two backprop kernels directly (tfjs's gradients refuse
 * dilation > 1): `Conv2DBackpropInput`/`…Filter` or `DepthwiseConv2dNativeBackpropInput`/`…Filter`.
 */
export function backpropKernels(
  op: 'Conv2D' | 'DepthwiseConv2dNative',
  c: RefConvSpec,
  g: RefConv,
  [x, w, dy]: tf.Tensor[],
): [tf.Tensor, tf.Tensor] {
  const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', dilations: c.dilation };
  const run = (kernel: string, inputs: tf.NamedTensorMap, more: object) =>
    tf.engine().runKernel(kernel, inputs, { ...attrs, ...more } as unknown as tf.NamedAttrMap) as tf.Tensor;
  const prefix = op === 'Conv2D' ? 'Conv2D' : 'DepthwiseConv2dNative';
  return [
    run(`${prefix}BackpropInput`, { dy: dy as tf.Tensor, filter: w as tf.Tensor }, { inputShape: c.x }),
    run(`${prefix}BackpropFilter`, { x: x as tf.Tensor, dy: dy as tf.Tensor }, { filterShape: g.wShape }),
  ];
}

/** Seeded x, filter and dy for a depthwise case, with the float64 reference gradients. */
export function depthwiseData(c: DepthwiseCase, seed: number) {
  const d = convCaseData(c, seed, c.x[3] * c.co);
  return { ...d, ref: refDepthwise(d.g, d.x, d.w, d.dy) };
}

/**
 * The two depthwise-conv gradients of a case: through tf.grads (the path layers and explain()
 * take), or by running the backprop kernels directly (tfjs's gradient refuses dilation > 1).
 */
function depthwiseGrads(
  via: 'tf.grads' | 'kernels',
  c: DepthwiseCase,
  d: ReturnType<typeof depthwiseData>,
  [x, w, dy]: tf.Tensor4D[],
): tf.Tensor[] {
  if (via === 'tf.grads') return tf.grads(depthwise(c))([x as tf.Tensor, w as tf.Tensor], dy);
  return backpropKernels('DepthwiseConv2dNative', c, d.g, [x, w, dy]);
}

/** The case's forward depthwise conv, as a function of (x, filter). */
function depthwise(c: DepthwiseCase) {
  return (a: tf.Tensor, b: tf.Tensor) =>
    tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad as 'same', 'NHWC', c.dilation);
}

/**
 * Depthwise-conv gradients on the active backend against float64 loops: one parameterised suite,
 * through tf.grads (the path layers and explain() take) for the plain and the dilated cases — a
 * dilated gradient runs camkit's kernels on wasm and the portable ops elsewhere (tfjs refuses it
 * on every backend). `options.kernels` also runs the dilated cases on the backprop kernels
 * directly: only where camkit's kernels run, since tfjs-backend-cpu's ignore `dilations` (relative
 * error 1.7 on these cases), harmless there as tfjs's gradient never passes them.
 */
export function depthwiseGradCases(backend: string, options: { kernels: boolean }): void {
  type Suite = { title: string; cases: DepthwiseCase[]; via: 'tf.grads' | 'kernels'; seed: number };
  const suites: Suite[] = [
    { title: 'depthwise gradients', cases: DEPTHWISE_CASES, via: 'tf.grads', seed: 41 },
    { title: 'dilated depthwise gradients', cases: DILATED_DEPTHWISE_CASES, via: 'tf.grads', seed: 7 },
  ];
  if (options.kernels)
    suites.push({
      title: 'dilated depthwise kernels',
      cases: DILATED_DEPTHWISE_CASES,
      via: 'kernels',
      seed: 7,
    });
  for (const suite of suites) {
    describe.each(suite.cases)(`${suite.title} [${backend}] $name`, (c) => {
      it(`forward and ${suite.via} equal the float64 loop; nothing leaks`, async () => {
        expect(tf.getBackend()).toBe(backend);
        const d = depthwiseData(c, suite.seed);
        const x = tf.tensor4d(d.x, c.x);
        const w = tf.tensor4d(d.w, d.g.wShape);
        const dy = tf.tensor4d(d.dy, d.dyShape);
        const tensors = tf.memory().numTensors;
        const buffers = backendBuffers();
        const y = depthwise(c)(x, w);
        expect(relError(await y.data(), d.ref.y)).toBeLessThan(1e-5);
        y.dispose();
        const [dx, dw] = depthwiseGrads(suite.via, c, d, [x, w, dy]) as [tf.Tensor, tf.Tensor];
        expect(relError(await dx.data(), d.ref.dx)).toBeLessThan(1e-5);
        expect(relError(await dw.data(), d.ref.dw)).toBeLessThan(1e-5);
        tf.dispose([dx, dw]);
        expect(tf.memory().numTensors).toBe(tensors);
        expect(backendBuffers()).toBe(buffers);
        tf.dispose([x, w, dy]);
      });
    });
  }
}

/** A pool case. */
export interface PoolCase extends PoolSpec {
  name: string;
}

// Overlapping and padded windows, odd sizes, channel counts 1–9, asymmetric windows and strides.
export const POOL_CASES: PoolCase[] = [
  { name: '2×2/2 valid (VGG), 8×8, C 5', x: [2, 8, 8, 5], size: [2, 2], stride: [2, 2], pad: 'valid' },
  { name: '2×2/2 valid, odd 7×9, C 3', x: [1, 7, 9, 3], size: [2, 2], stride: [2, 2], pad: 'valid' },
  { name: '3×3/2 same (ResNet stem), 9×9, C 4', x: [2, 9, 9, 4], size: [3, 3], stride: [2, 2], pad: 'same' },
  { name: '3×3/2 same, even 8×10, C 6', x: [1, 8, 10, 6], size: [3, 3], stride: [2, 2], pad: 'same' },
  { name: '3×3/2 valid, 9×8, C 2', x: [2, 9, 8, 2], size: [3, 3], stride: [2, 2], pad: 'valid' },
  { name: '3×3/1 same, 6×7, C 9', x: [1, 6, 7, 9], size: [3, 3], stride: [1, 1], pad: 'same' },
  { name: '2×2/1 valid (overlap 1), 5×6, C 1', x: [2, 5, 6, 1], size: [2, 2], stride: [1, 1], pad: 'valid' },
  // Channels a multiple of 4: wasm's SIMD max-pool gradient (1, 2 and 3 four-lane groups).
  { name: '3×3/2 same, even 8×10, C 12', x: [2, 8, 10, 12], size: [3, 3], stride: [2, 2], pad: 'same' },
  { name: '2×2/2 valid, odd 7×9, C 8', x: [1, 7, 9, 8], size: [2, 2], stride: [2, 2], pad: 'valid' },
  {
    name: '3×2 window, strides [2,1], same, 7×6, C 3',
    x: [1, 7, 6, 3],
    size: [3, 2],
    stride: [2, 1],
    pad: 'same',
  },
  {
    name: '3×3/2 explicit [1,0]×[0,2], 7×7, C 4',
    x: [2, 7, 7, 4],
    size: [3, 3],
    stride: [2, 2],
    pad: [
      [0, 0],
      [1, 0],
      [0, 2],
      [0, 0],
    ],
  },
  {
    name: '3×3/2 explicit [1,0]×[0,2], 7×7, C 2',
    x: [1, 7, 7, 2],
    size: [3, 3],
    stride: [2, 2],
    pad: [
      [0, 0],
      [1, 0],
      [0, 2],
      [0, 0],
    ],
  },
];

/**
 * Max- and average-pool gradients on the active backend against float64 loops, on inputs with
 * many ties (a coarse grid with zeros, as after a ReLU) and a weighted dy, so a gradient routed
 * to the wrong one of several equal maxima, or divided by a count that includes padding, shows.
 */
export function poolGradCases(backend: string): void {
  describe.each(POOL_CASES)(`pool gradients [${backend}] $name`, (p) => {
    it.each(['max', 'avg'] as const)(
      '%s: forward and tf.grad equal the float64 loop; nothing leaks',
      async (kind) => {
        expect(tf.getBackend()).toBe(backend);
        const g = refPoolGeometry(p);
        const size = p.x.reduce((a, b) => a * b, 1);
        const xv = seededUniform(13, size).map((v) => Math.max(0, Math.round(v * 3)));
        const dyShape = [p.x[0], g.outH, g.outW, p.x[3]];
        const dyv = seededUniform(
          14,
          dyShape.reduce((a, b) => a * b, 1),
        );
        const ref = refPool(p, xv, dyv);
        const x = tf.tensor4d(xv, p.x);
        const dy = tf.tensor4d(dyv, dyShape as [number, number, number, number]);
        const tensors = tf.memory().numTensors;
        const buffers = backendBuffers();
        const pool = (a: tf.Tensor) =>
          (kind === 'max' ? tf.maxPool : tf.avgPool)(a as tf.Tensor4D, p.size, p.stride, p.pad as 'same');
        const y = pool(x);
        expect(relError(await y.data(), kind === 'max' ? ref.max : ref.avg)).toBeLessThan(1e-6);
        y.dispose();
        const dx = tf.grad(pool)(x, dy);
        expect(relError(await dx.data(), kind === 'max' ? ref.dxMax : ref.dxAvg)).toBeLessThan(1e-6);
        dx.dispose();
        expect(tf.memory().numTensors).toBe(tensors);
        expect(backendBuffers()).toBe(buffers);
        tf.dispose([x, dy]);
      },
    );
  });
}

/** A dilated conv2d case (stride 1: tfjs allows dilation only there). */
export interface DilatedConvCase extends RefConvSpec {
  name: string;
}

// Dilations that do and do not divide the size, 'same', 'valid' and explicit padding, unequal
// dilations and a non-square kernel, channel counts below and above the Winograd threshold.
export const DILATED_CONV_CASES: DilatedConvCase[] = [
  {
    name: '3×3 same d2, 3→4, 9×9, batch 2',
    x: [2, 9, 9, 3],
    k: [3, 3],
    co: 4,
    stride: [1, 1],
    pad: 'same',
    dilation: [2, 2],
  },
  {
    name: '3×3 valid d3, 8→8, 12×10',
    x: [1, 12, 10, 8],
    k: [3, 3],
    co: 8,
    stride: [1, 1],
    pad: 'valid',
    dilation: [3, 3],
  },
  {
    name: '2×3 same d[3,2], 3→2, 11×9',
    x: [2, 11, 9, 3],
    k: [2, 3],
    co: 2,
    stride: [1, 1],
    pad: 'same',
    dilation: [3, 2],
  },
  {
    name: '3×3 explicit [2,1]×[0,2] d2, 16→12, 8×7',
    x: [1, 8, 7, 16],
    k: [3, 3],
    co: 12,
    stride: [1, 1],
    pad: [
      [0, 0],
      [2, 1],
      [0, 2],
      [0, 0],
    ],
    dilation: [2, 2],
  },
];

/**
 * Both gradients of dilated convs through `tf.grads` against the float64 loop, on `backend`: camkit's
 * Conv2D gradient (registered for every backend) computes them from forward convs where its wasm
 * kernels are not in use.
 */
export function dilatedConvGradCases(backend: string): void {
  describe(`dilated conv2d gradients on ${backend}`, () => {
    it.each(DILATED_CONV_CASES)('tf.grads equals the float64 loop: $name', async (c) => {
      const { g, dyShape, x: xd, w: wd, dy: dyd } = convCaseData(c, 51);
      const x = tf.tensor4d(xd, c.x);
      const w = tf.tensor4d(wd, g.wShape);
      const dy = tf.tensor4d(dyd, dyShape);
      const before = tf.memory().numTensors;
      const buffers = backendBuffers();
      const [dx, dw] = tf.grads((a, b) =>
        tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, c.pad, 'NHWC', c.dilation),
      )([x, w], dy);
      const ref = refConvGrads(g, xd, wd, dyd);
      expect(relError(await dx.data(), ref.dx)).toBeLessThan(1e-5);
      expect(relError(await dw.data(), ref.dw)).toBeLessThan(1e-5);
      tf.dispose([dx, dw]);
      expect(tf.memory().numTensors).toBe(before);
      expect(backendBuffers()).toBe(buffers);
      tf.dispose([x, w, dy]);
    });
  });
}
