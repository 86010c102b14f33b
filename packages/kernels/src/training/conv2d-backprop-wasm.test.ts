import '@tensorflow/tfjs'; // registers tfjs's gradient configs (tfjs-core's node bundle has none)
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { CamkitError } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backpropKernels,
  convCaseData,
  dilatedConvGradCases,
  relError,
  winogradGeometry,
} from '../../test/grad-suite.js';
import { seededUniform } from '../../test/random.js';
import { MULTIPLY_ADD_MODES, useMultiplyAdd } from '../../test/multiply-add.js';
import { convGeometry } from './conv-geometry.js';
import { conv2DBackpropFilterXnnpack } from './conv2d-backprop-filter-wasm.js';
import {
  type RefConv,
  type RefConvSpec,
  refConv,
  refConvGeometry,
  refConvGrads,
} from './conv-grad-reference.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { conv2DBackpropFilterSimd } from './simd/filter-grad-simd.js';
import {
  useLargeWinogradTiles,
  tileBlockFor,
  winogradConv3x3,
  winogradFilterGrad3x3,
  winogradTileFor,
} from './simd/winograd-conv.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

interface Case extends RefConvSpec {
  name: string;
  /** Bound on relError (default 1e-5): float32 round-off grows with the reduction length. */
  tol?: number;
}

const CASES: Case[] = [
  { name: '3×3 same, stride 1, batch 2', x: [2, 8, 8, 3], k: [3, 3], co: 4, stride: [1, 1], pad: 'same' },
  { name: '3×3 valid, odd 7×9', x: [2, 7, 9, 5], k: [3, 3], co: 6, stride: [1, 1], pad: 'valid' },
  { name: '3×3 same, stride 2, odd 7×7', x: [3, 7, 7, 4], k: [3, 3], co: 5, stride: [2, 2], pad: 'same' },
  { name: '3×3 valid, stride 2, 9×8', x: [2, 9, 8, 3], k: [3, 3], co: 4, stride: [2, 2], pad: 'valid' },
  { name: '5×5 same, batch 1, 11×11', x: [1, 11, 11, 3], k: [5, 5], co: 7, stride: [1, 1], pad: 'same' },
  { name: '5×5 valid, stride 3, 13×12', x: [2, 13, 12, 2], k: [5, 5], co: 3, stride: [3, 3], pad: 'valid' },
  { name: '1×1 valid, batch 1', x: [1, 5, 6, 8], k: [1, 1], co: 3, stride: [1, 1], pad: 'valid' },
  { name: '1×1 same, stride 2, odd', x: [2, 7, 5, 4], k: [1, 1], co: 6, stride: [2, 2], pad: 'same' },
  { name: '2×4 kernel, strides [2,1]', x: [2, 9, 10, 3], k: [2, 4], co: 5, stride: [2, 1], pad: 'same' },
  {
    name: '7×7 same, stride 2 (ResNet stem), 16×16',
    x: [1, 16, 16, 3],
    k: [7, 7],
    co: 8,
    stride: [2, 2],
    pad: 'same',
  },
  {
    name: 'explicit padding',
    x: [2, 6, 7, 3],
    k: [3, 3],
    co: 4,
    stride: [1, 1],
    pad: [
      [0, 0],
      [2, 1],
      [0, 3],
      [0, 0],
    ],
  },
  {
    name: 'explicit padding wider than the kernel, stride 2',
    x: [1, 6, 5, 2],
    k: [3, 3],
    co: 3,
    stride: [2, 2],
    pad: [
      [0, 0],
      [4, 0],
      [1, 5],
      [0, 0],
    ],
  },
  {
    name: '3×3 same, channels 16→24, 13×13',
    x: [3, 13, 13, 16],
    k: [3, 3],
    co: 24,
    stride: [1, 1],
    pad: 'same',
  },
];

const DILATED: Case[] = [
  {
    name: '3×3 same, dilation 2',
    x: [2, 9, 9, 3],
    k: [3, 3],
    co: 4,
    stride: [1, 1],
    pad: 'same',
    dilation: [2, 2],
  },
  {
    name: '3×3 valid, dilation 2, batch 1',
    x: [1, 10, 8, 2],
    k: [3, 3],
    co: 3,
    stride: [1, 1],
    pad: 'valid',
    dilation: [2, 2],
  },
  {
    name: '2×3 same, dilation [3,2]',
    x: [2, 11, 9, 3],
    k: [2, 3],
    co: 2,
    stride: [1, 1],
    pad: 'same',
    dilation: [3, 2],
  },
];

const geometry = refConvGeometry;

/** Both gradients through tfjs's autodiff (Conv2D's gradient calls the two backprop kernels). */
async function tfGrads(backend: string, c: Case, g: RefConv, data: ReturnType<typeof convCaseData>) {
  await tf.setBackend(backend);
  const x = tf.tensor4d(data.x, c.x);
  const w = tf.tensor4d(data.w, g.wShape);
  const dy = tf.tensor4d(data.dy, [c.x[0], g.outH, g.outW, c.co]);
  const [dx, dw] = tf.grads((a, b) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad))(
    [x, w],
    dy,
  );
  const result = { dx: await dx.data(), dw: await dw.data() };
  tf.dispose([x, w, dy, dx, dw]);
  return result;
}

beforeAll(async () => {
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
});

describe('wasm Conv2DBackpropFilter / Conv2DBackpropInput', () => {
  it.each(CASES)('matches the cpu backend and a float64 loop: $name', async (c) => {
    const g = geometry(c);
    const data = convCaseData(c, 17);
    const wasm = await tfGrads('wasm', c, g, data);
    const cpu = await tfGrads('cpu', c, g, data);
    const ref = refConvGrads(g, data.x, data.w, data.dy);
    expect(relError(wasm.dw, cpu.dw)).toBeLessThanOrEqual(1e-4);
    expect(relError(wasm.dx, cpu.dx)).toBeLessThanOrEqual(1e-4);
    expect(relError(wasm.dw, ref.dw)).toBeLessThanOrEqual(1e-4);
    expect(relError(wasm.dx, ref.dx)).toBeLessThanOrEqual(1e-4);
  });

  // tfjs's own Conv2D gradient refuses dilation > 1 on every backend, so the kernels are called
  // directly with camkit's `dilations` attribute and checked against the float64 loop.
  it.each(DILATED)('supports dilation through the dilations attribute: $name', async (c) => {
    await tf.setBackend('wasm');
    const g = geometry(c);
    const data = convCaseData(c, 5);
    const x = tf.tensor4d(data.x, c.x);
    const w = tf.tensor4d(data.w, g.wShape);
    const dy = tf.tensor4d(data.dy, [c.x[0], g.outH, g.outW, c.co]);
    const [dx, dw] = backpropKernels('Conv2D', c, g, [x, w, dy]);
    const ref = refConvGrads(g, data.x, data.w, data.dy);
    expect(relError(await dw.data(), ref.dw)).toBeLessThanOrEqual(1e-4);
    expect(relError(await dx.data(), ref.dx)).toBeLessThanOrEqual(1e-4);
    tf.dispose([x, w, dy, dw, dx]);
  });

  it.each(DILATED)('trains dilated convs through tf.grads on wasm: $name', async (c) => {
    await tf.setBackend('wasm');
    const g = geometry(c);
    const data = convCaseData(c, 11);
    const x = tf.tensor4d(data.x, c.x);
    const w = tf.tensor4d(data.w, g.wShape);
    const dy = tf.tensor4d(data.dy, [c.x[0], g.outH, g.outW, c.co]);
    const conv = (a: tf.Tensor, b: tf.Tensor) =>
      tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad, 'NHWC', c.dilation);
    const [dx, dw] = tf.grads(conv)([x, w], dy);
    const ref = refConvGrads(g, data.x, data.w, data.dy);
    expect(relError(await dw.data(), ref.dw)).toBeLessThanOrEqual(1e-4);
    expect(relError(await dx.data(), ref.dx)).toBeLessThanOrEqual(1e-4);
    tf.dispose([x, w, dy, dx, dw]);
  });

  it('refuses, in one line, a dilated gradient it cannot form from forward convs (padding beyond the reach)', async () => {
    await tf.setBackend('cpu');
    const x = tf.ones([1, 7, 7, 1]) as tf.Tensor4D;
    const w = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
    const pad: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [5, 5],
      [0, 0],
      [0, 0],
    ];
    expect(() =>
      tf.grads((a, b) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, pad, 'NHWC', 2))([x, w]),
    ).toThrow(/dilation 2×2 .* runs on the wasm backend only/);
    tf.dispose([x, w]);
    await tf.setBackend('wasm');
  });

  it('agrees with central finite differences of the wasm forward conv', async () => {
    await tf.setBackend('wasm');
    const c: Case = { name: 'fd', x: [1, 5, 6, 2], k: [3, 3], co: 3, stride: [2, 2], pad: 'same' };
    const g = geometry(c);
    const data = convCaseData(c, 99);
    // L = Σ conv(x, w) · r has gradient exactly (dL/dx, dL/dw) = backprop of dy = r.
    const loss = (x: Float32Array, w: Float32Array): number =>
      tf.tidy(() => {
        const y = tf.conv2d(tf.tensor4d(x, c.x), tf.tensor4d(w, g.wShape), c.stride, c.pad);
        return tf.sum(tf.mul(y, tf.tensor4d(data.dy, y.shape))).dataSync()[0];
      });
    const eps = 1e-2;
    const fd = (v: Float32Array, i: number, f: (p: Float32Array) => number): number => {
      const p = v.slice();
      p[i] += eps;
      const up = f(p);
      p[i] -= 2 * eps;
      return (up - f(p)) / (2 * eps);
    };
    const fdX = Array.from(data.x, (_, i) => fd(data.x, i, (p) => loss(p, data.w)));
    const fdW = Array.from(data.w, (_, i) => fd(data.w, i, (p) => loss(data.x, p)));
    const wasm = await tfGrads('wasm', c, g, data);
    expect(relError(wasm.dx, fdX)).toBeLessThanOrEqual(1e-3);
    expect(relError(wasm.dw, fdW)).toBeLessThanOrEqual(1e-3);
    // And the forward conv itself is the one the float64 loop defines.
    const y = tf.conv2d(tf.tensor4d(data.x, c.x), tf.tensor4d(data.w, g.wShape), c.stride, c.pad);
    expect(relError(await y.data(), refConv(g, data.x, data.w))).toBeLessThanOrEqual(1e-5);
    y.dispose();
  });

  it('leaks neither tensors nor wasm buffers', async () => {
    await tf.setBackend('wasm');
    const c = CASES[10];
    const g = geometry(c);
    const data = convCaseData(c, 3);
    await tfGrads('wasm', c, g, data); // warm-up: first calls may allocate caches
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    for (const k of [2, 3, 11])
      await tfGrads('wasm', CASES[k], geometry(CASES[k]), convCaseData(CASES[k], k));
    await tf.setBackend('wasm');
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
  });

  it('rejects NCHW with a one-line error naming the layout', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 2, 5, 5]);
    const dy = tf.zeros([1, 2, 5, 5]);
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] };
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs)).toThrow(
      /supports dataFormat 'NHWC' only, got 'NCHW'/,
    );
    // A CamkitError (user input), which the CLI prints as one line, not as an internal error.
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs)).toThrow(CamkitError);
    tf.dispose([x, dy]);
  });

  it('registration is idempotent and keeps the configs registered', () => {
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')?.kernelFunc.name).toBe('conv2DBackpropInputWasm');
  });
});

describe.each(MULTIPLY_ADD_MODES)('with $name', (mode) => {
  useMultiplyAdd(mode);
  describe("camkit's generated SIMD filter-gradient kernel and the XNNPACK formulation, each on its own", () => {
    // Every geometry of the table, with output channels widened to 12 (one 8-wide tile + the 4-wide
    // tail) and to 4 (the tail only), so the SIMD kernel — which needs outC % 4 == 0 — sees them all.
    const widened = CASES.flatMap((c) => [
      { ...c, co: 12, name: `${c.name}, co 12` },
      { ...c, co: 4, name: `${c.name}, co 4` },
    ]);
    it.each(widened)('both equal the float64 loop: $name', async (c) => {
      await tf.setBackend('wasm');
      const g = geometry(c);
      const data = convCaseData(c, 29);
      const ref = refConvGrads(g, data.x, data.w, data.dy);
      const x = tf.tensor4d(data.x, c.x);
      const dy = tf.tensor4d(data.dy, [c.x[0], g.outH, g.outW, c.co]);
      const backend = tf.backend() as unknown as WasmBackendLike;
      const attrs = { strides: c.stride, pad: c.pad, dilations: g.dilation, filterShape: g.wShape };
      const geo = convGeometry('Conv2DBackpropFilter', c.x, g.wShape, dy.shape, attrs);
      const buffers = backend.numDataIds();
      const simd = conv2DBackpropFilterSimd(backend, x, dy, geo);
      // Not null: the kernel really ran (no silent fallback on this machine's Node, which has SIMD).
      expect(simd).not.toBeNull();
      const xnn = conv2DBackpropFilterXnnpack({ inputs: { x, dy }, backend, attrs });
      for (const info of [simd, xnn]) {
        const t = tf.engine().makeTensorFromTensorInfo(info as tf.TensorInfo);
        expect(t.shape).toEqual(g.wShape);
        expect(relError(await t.data(), ref.dw)).toBeLessThanOrEqual(1e-5);
        t.dispose();
      }
      tf.dispose([x, dy]);
      // Scratch (padded input, channel-padded accumulator) released: only x and dy were freed above.
      expect(backend.numDataIds()).toBe(buffers - 2);
    });

    it('falls back when outC is not a multiple of 4', async () => {
      await tf.setBackend('wasm');
      const backend = tf.backend() as unknown as WasmBackendLike;
      const x = tf.ones([1, 4, 4, 2]);
      const dy = tf.ones([1, 4, 4, 3]);
      const geo = convGeometry('Conv2DBackpropFilter', x.shape, [3, 3, 2, 3], dy.shape, {
        strides: 1,
        pad: 'same',
      });
      expect(conv2DBackpropFilterSimd(backend, x, dy, geo)).toBeNull();
      tf.dispose([x, dy]);
    });
  });
});

describe.each(MULTIPLY_ADD_MODES)('with $name', (mode) => {
  useMultiplyAdd(mode);
  describe('Conv2D on wasm by Winograd F(2×2, 3×3) on generated SIMD code', () => {
    // 3×3 stride-1 convs: odd and even sizes (overhanging tiles), 1×1 images, input channels padded
    // to 4 (9, 10), output tails (4, 12, 36 = 8·4 + 4), more tiles than one block (T tiles) with a
    // partial last block, padding 'same', 'valid' and explicit (0..2 per side).
    const WINO: Case[] = [
      { name: '8→12 same 7×9 batch 2', x: [2, 7, 9, 8], k: [3, 3], co: 12, stride: [1, 1], pad: 'same' },
      { name: '16→8 valid 6×6', x: [1, 6, 6, 16], k: [3, 3], co: 8, stride: [1, 1], pad: 'valid' },
      { name: '9→4 same 5×4 batch 3', x: [3, 5, 4, 9], k: [3, 3], co: 4, stride: [1, 1], pad: 'same' },
      { name: '10→36 same 1×1', x: [2, 1, 1, 10], k: [3, 3], co: 36, stride: [1, 1], pad: 'same' },
      {
        name: '20→36 same 13×11 batch 5 (several blocks)',
        x: [5, 13, 11, 20],
        k: [3, 3],
        co: 36,
        stride: [1, 1],
        pad: 'same',
      },
      {
        name: '64→64 same 18×18 batch 2',
        x: [2, 18, 18, 64],
        k: [3, 3],
        co: 64,
        stride: [1, 1],
        pad: 'same',
      },
      {
        // U is 4 MB (F2) / 9 MB (F4): blocks grow past the L2 rule's 4 tiles (tileBlockFor).
        name: '256→256 same 5×5 batch 3 (wide: bigger tile blocks)',
        // 2,304-term sums (4× the 64-channel cases'): float32 round-off ~1.2e-5 of the range.
        tol: 3e-5,
        x: [3, 5, 5, 256],
        k: [3, 3],
        co: 256,
        stride: [1, 1],
        pad: 'same',
      },
      {
        name: '12→8 explicit [2,0]×[1,2] 6×7',
        x: [1, 6, 7, 12],
        k: [3, 3],
        co: 8,
        stride: [1, 1],
        pad: [
          [0, 0],
          [2, 0],
          [1, 2],
          [0, 0],
        ],
      },
    ];

    // Each case under both output tiles (their sizes leave every remainder 0–3 of a 4×4 tile);
    // the registered kernels run F(2×2) unless useLargeWinogradTiles is on (winogradTileFor).
    const TILED = WINO.flatMap((c) =>
      ([2, 4] as const).map((tile) => ({ ...c, tile, name: `${c.name}, F(${tile}×${tile}, 3×3)` })),
    );

    it('sizes tile blocks for L2, and for U where U outgrows it', () => {
      // 64→64, F(4×4) (36 positions), 784 tiles: V + M within ~256 kB, as before.
      expect(tileBlockFor(64, 64, 36, 784)).toBe(12);
      expect(tileBlockFor(16, 32, 16, 3136)).toBe(84);
      // 512→512 at 7×7, F(2×2): 16 tiles; the L2 rule's 4 would read the 16 MB U four times.
      expect(tileBlockFor(512, 512, 16, 16)).toBe(16);
      // 256→256 at 56×56: U traffic per tile no more than V's and M's (T ≥ 256·256 / 512).
      expect(tileBlockFor(256, 256, 16, 784)).toBe(128);
    });

    it.each(TILED)('equals the float64 loop and stock XNNPACK: $name', async (c) => {
      await tf.setBackend('wasm');
      const g = geometry(c);
      const data = convCaseData(c, 41);
      const x = tf.tensor4d(data.x, c.x);
      const w = tf.tensor4d(data.w, g.wShape);
      const backend = tf.backend() as unknown as WasmBackendLike;
      const buffers = backend.numDataIds();
      const direct = winogradConv3x3(backend, x, w, winogradGeometry(c, g), { tile: c.tile });
      expect(direct).not.toBeNull(); // it really ran
      const viaKernel = tf.conv2d(x, w, 1, c.pad); // the registered Conv2D takes the same path
      const ref = refConv(g, data.x, data.w);
      const directT = tf.engine().makeTensorFromTensorInfo(direct as tf.TensorInfo);
      expect(directT.shape).toEqual([c.x[0], g.outH, g.outW, c.co]);
      expect(relError(await directT.data(), ref)).toBeLessThanOrEqual(c.tol ?? 1e-5);
      expect(relError(await viaKernel.data(), ref)).toBeLessThanOrEqual(c.tol ?? 1e-5);
      // FusedConv2D (what tfjs-layers runs at inference): bias and ReLU in the output transform.
      const bias = tf.tensor1d(seededUniform(7, c.co));
      const biasData = await bias.data();
      for (const activation of ['relu', 'linear'] as const) {
        const fused = tf.fused.conv2d({ x, filter: w, bias, activation, strides: 1, pad: c.pad });
        const expected = ref.map((v, i) => {
          const b = v + (biasData[i % c.co] as number);
          return activation === 'relu' ? Math.max(0, b) : b;
        });
        expect(relError(await fused.data(), expected)).toBeLessThanOrEqual(c.tol ?? 1e-5);
        fused.dispose();
      }
      // Other activations and PReLU weights go to the stock kernel and still agree.
      const elu = tf.fused.conv2d({ x, filter: w, bias, activation: 'elu', strides: 1, pad: c.pad });
      const eluRef = ref.map((v, i) => {
        const b = v + (biasData[i % c.co] as number);
        return b > 0 ? b : Math.expm1(b);
      });
      expect(relError(await elu.data(), eluRef)).toBeLessThanOrEqual(c.tol ?? 1e-5);
      tf.dispose([x, w, directT, viaKernel, bias, elu]);
      expect(backend.numDataIds()).toBe(buffers - 2); // x and w freed, no scratch left behind
    });

    it.each(TILED)('its filter gradient (F(3×3, m×m)) equals the float64 loop: $name', async (c) => {
      await tf.setBackend('wasm');
      const g = geometry(c);
      const data = convCaseData(c, 43);
      const x = tf.tensor4d(data.x, c.x);
      const dy = tf.tensor4d(data.dy, [c.x[0], g.outH, g.outW, c.co]);
      const backend = tf.backend() as unknown as WasmBackendLike;
      const buffers = backend.numDataIds();
      const dw = winogradFilterGrad3x3(backend, x, dy, winogradGeometry(c, g), c.tile);
      expect(dw).not.toBeNull();
      const dwT = tf.engine().makeTensorFromTensorInfo(dw as tf.TensorInfo);
      expect(dwT.shape).toEqual(g.wShape);
      expect(relError(await dwT.data(), refConvGrads(g, data.x, data.w, data.dy).dw)).toBeLessThanOrEqual(
        c.tol ?? 1e-5,
      );
      tf.dispose([x, dy, dwT]);
      expect(backend.numDataIds()).toBe(buffers - 2);
    });

    it('runs F(2×2) unless large tiles are on, then F(4×4) for outputs of at least 3×3', () => {
      expect(winogradTileFor({ outH: 28, outW: 28 })).toBe(2);
      useLargeWinogradTiles(true);
      try {
        expect(winogradTileFor({ outH: 28, outW: 28 })).toBe(4);
        expect(winogradTileFor({ outH: 3, outW: 9 })).toBe(4);
        expect(winogradTileFor({ outH: 2, outW: 9 })).toBe(2);
        expect(winogradTileFor({ outH: 1, outW: 1 })).toBe(2);
      } finally {
        useLargeWinogradTiles(false);
      }
    });

    it('leaves other convs to the stock kernel (stride 2, 5×5, 3 input channels) and still matches', async () => {
      await tf.setBackend('wasm');
      const backend = tf.backend() as unknown as WasmBackendLike;
      const x = tf.randomNormal([1, 6, 6, 3]);
      const w = tf.randomNormal([3, 3, 3, 8]);
      expect(
        winogradConv3x3(backend, x, w, {
          batch: 1,
          inH: 6,
          inW: 6,
          inC: 3,
          outC: 8,
          outH: 6,
          outW: 6,
          padTop: 1,
          padLeft: 1,
        }),
      ).toBeNull();
      tf.dispose([x, w]);
      for (const c of [CASES[2], CASES[4], CASES[0]] as Case[]) {
        const g = geometry(c);
        const data = convCaseData(c, 5);
        const y = tf.conv2d(tf.tensor4d(data.x, c.x), tf.tensor4d(data.w, g.wShape), c.stride, c.pad);
        expect(relError(await y.data(), refConv(g, data.x, data.w))).toBeLessThanOrEqual(1e-5);
        y.dispose();
      }
    });
  });
});

describe('on cpu, where camkit has no conv kernels', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  dilatedConvGradCases('cpu');
});
