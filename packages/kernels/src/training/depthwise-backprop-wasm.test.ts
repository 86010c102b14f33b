import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { CamkitError } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEPTHWISE_CASES,
  DILATED_DEPTHWISE_CASES,
  depthwiseData,
  depthwiseGradCases,
  relError,
} from '../../test/grad-suite.js';
import { MULTIPLY_ADD_MODES, useMultiplyAdd } from '../../test/multiply-add.js';
import { convGeometry } from './conv-geometry.js';
import {
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
} from './depthwise-backprop-wasm.js';
import { registerWasmTrainingKernels } from './register-wasm-training-kernels.js';
import { type DepthwiseGradKind, depthwiseGradWasm } from './simd/depthwise-grad-simd.js';
import type { WasmBackendLike } from './wasm-kernel-calls.js';

beforeAll(() => {
  registerWasmTrainingKernels();
});

describe.each(['cpu', 'wasm'])('depthwise-conv gradients on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  depthwiseGradCases(backend, { kernels: backend === 'wasm' });
});

describe.each(MULTIPLY_ADD_MODES)('with $name', (mode) => {
  useMultiplyAdd(mode);
  describe('wasm depthwise gradients: the generated SIMD code and the JavaScript loops, each on its own', () => {
    const cases = [...DEPTHWISE_CASES, ...DILATED_DEPTHWISE_CASES];
    const run = (
      backend: WasmBackendLike,
      kind: DepthwiseGradKind,
      c: (typeof cases)[number],
      d: ReturnType<typeof depthwiseData>,
      options: { scalar?: boolean; rowBlock?: number },
    ) => {
      const x = tf.tensor4d(d.x, c.x);
      const w = tf.tensor4d(d.w, d.g.wShape);
      const dy = tf.tensor4d(d.dy, d.dyShape);
      const attrs = { strides: c.stride, pad: c.pad, dilations: c.dilation ?? 1 };
      const name =
        kind === 'filterGrad' ? 'DepthwiseConv2dNativeBackpropFilter' : 'DepthwiseConv2dNativeBackpropInput';
      const geo = convGeometry(name, c.x, d.g.wShape, d.dyShape, attrs, true);
      const buffers = backend.numDataIds();
      const [a, b] = kind === 'filterGrad' ? [x, dy] : [dy, w];
      const { out, simd } = depthwiseGradWasm(backend, kind, a, b, geo, options);
      // Only the result is new: table, packed copies and channel-padded scratch were released.
      expect(backend.numDataIds()).toBe(buffers + 1);
      const t = tf.engine().makeTensorFromTensorInfo(out);
      tf.dispose([x, w, dy]);
      return { t, simd };
    };

    it.each(cases)('both equal the float64 loop, with forced partial cache blocks: $name', async (c) => {
      await tf.setBackend('wasm');
      const backend = tf.backend() as unknown as WasmBackendLike;
      const d = depthwiseData(c, 23);
      for (const kind of ['filterGrad', 'inputGrad'] as const) {
        const expected = kind === 'filterGrad' ? d.ref.dw : d.ref.dx;
        for (const options of [{}, { rowBlock: 2 }, { rowBlock: 3 }, { scalar: true }]) {
          const { t, simd } = run(backend, kind, c, d, options);
          // The generated module really ran (this machine's Node has wasm SIMD): no silent fallback.
          expect(simd).toBe(!('scalar' in options));
          expect(t.shape).toEqual(kind === 'filterGrad' ? d.g.wShape : c.x);
          expect(relError(await t.data(), expected)).toBeLessThan(1e-5);
          t.dispose();
        }
      }
    });

    it.each(DILATED_DEPTHWISE_CASES)(
      'trains dilated depthwise convs through tf.grads on wasm: $name',
      async (c) => {
        await tf.setBackend('wasm');
        const d = depthwiseData(c, 19);
        const x = tf.tensor4d(d.x, c.x);
        const w = tf.tensor4d(d.w, d.g.wShape);
        const dy = tf.tensor4d(d.dy, d.dyShape);
        const f = (a: tf.Tensor, b: tf.Tensor) =>
          tf.depthwiseConv2d(
            a as tf.Tensor4D,
            b as tf.Tensor4D,
            c.stride,
            c.pad as 'same',
            'NHWC',
            c.dilation,
          );
        const [dx, dw] = tf.grads(f)([x, w], dy);
        expect(relError(await dx.data(), d.ref.dx)).toBeLessThan(1e-5);
        expect(relError(await dw.data(), d.ref.dw)).toBeLessThan(1e-5);
        tf.dispose([x, w, dy, dx, dw]);
      },
    );

    it('a dilated depthwise gradient elsewhere with padding beyond its reach fails with one CamkitError line', async () => {
      await tf.setBackend('cpu');
      const x = tf.ones([1, 7, 7, 2]) as tf.Tensor4D;
      const w = tf.ones([3, 3, 2, 1]) as tf.Tensor4D;
      // 3×3 at dilation 2 reaches 4 rows; 5 rows of padding are beyond what the portable ops do.
      const wide: [[number, number], [number, number], [number, number], [number, number]] = [
        [0, 0],
        [5, 0],
        [0, 0],
        [0, 0],
      ];
      const f = () =>
        tf.grads((a, b) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, wide, 'NHWC', 2))([
          x,
          w,
        ]);
      expect(f).toThrow(CamkitError);
      expect(f).toThrow(/runs on the wasm backend only/);
      tf.dispose([x, w]);
      await tf.setBackend('wasm');
    });

    it('registers for wasm through registerWasmTrainingKernels', () => {
      expect(tf.getKernel('DepthwiseConv2dNativeBackpropInput', 'wasm')).toBe(
        depthwiseConv2dNativeBackpropInputWasmConfig,
      );
      expect(tf.getKernel('DepthwiseConv2dNativeBackpropFilter', 'wasm')).toBe(
        depthwiseConv2dNativeBackpropFilterWasmConfig,
      );
    });
  });
});
