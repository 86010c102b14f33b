import '@tensorflow/tfjs-backend-cpu';
// Registers tfjs-core's gradients (the stock-op reference needs them).
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randn } from '../../test/random.js';
import { camFuse } from './cam-fuse.js';
import { camFuseOpChain } from './cam-fuse-op-chain.js';
import { gradcamWeights } from '@camkit/core';
import { registerCamkitKernels } from './register.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await registerCamkitKernels();
});

describe('gradients', () => {
  it('gradcamWeights: d/dgrads sum(r * alpha) = r[n, k] / (h w) at every pixel', () => {
    const [n, h, w, k] = [2, 3, 5, 4];
    const g = tf.tensor4d(randn(n * h * w * k), [n, h, w, k]);
    const r = tf.tensor2d(randn(n * k), [n, k]);
    const before = tf.memory().numTensors;
    const dg = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(gradcamWeights(x as tf.Tensor4D), r)))(g);
    const got = dg.dataSync();
    const rv = r.dataSync();
    for (let i = 0; i < got.length; i++) {
      const b = Math.floor(i / (h * w * k));
      expect(got[i]).toBeCloseTo((rv[b * k + (i % k)] as number) / (h * w), 6);
    }
    dg.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g, r]);
  });

  const linearCases = [
    { batched: false, halfPixel: true, h: 4, w: 5, out: [11, 8] },
    { batched: true, halfPixel: false, h: 6, w: 3, out: [9, 13] },
    { batched: true, halfPixel: true, h: 4, w: 5, out: [4, 5] },
    { batched: false, halfPixel: true, h: 5, w: 5, out: [3, 12] },
  ];

  // Dot-product test: for the map L(f) = camFuse(f, w) (linear in f, and in w), the gradient of
  // sum(r * L(x)) is L^T r, so <f, grad> must equal <L(f), r>, with the forward pass already
  // checked against float64 loops.
  it.each(linearCases)(
    'camFuse (linear form) passes the adjoint test, $h x $w -> $out',
    ({ batched, halfPixel, h, w, out }) => {
      const [n, k, c] = [2, 3, 2];
      const [oh, ow] = out as [number, number];
      const f = tf.tensor4d(randn(n * h * w * k), [n, h, w, k]);
      const wt = batched ? tf.tensor3d(randn(n * k * c), [n, k, c]) : tf.tensor2d(randn(k * c), [k, c]);
      const r = tf.tensor4d(randn(n * c * oh * ow), [n, c, oh, ow]);
      const attrs = { outSize: [oh, ow] as [number, number], relu: false, normalize: false, halfPixel };
      const before = tf.memory().numTensors;
      const [df, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(camFuse(a as tf.Tensor4D, b as tf.Tensor2D, attrs), r)),
      )([f, wt]);
      expect(tf.memory().numTensors).toBe(before + 2);
      const dot = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.sum(tf.mul(a, b)).dataSync()[0] as number);
      const lf = tf.tidy(() => dot(camFuse(f, wt as tf.Tensor2D, attrs), r));
      expect(dot(f, df as tf.Tensor)).toBeCloseTo(lf, 3);
      expect(dot(wt, dw as tf.Tensor)).toBeCloseTo(lf, 3);
      expect(df?.shape).toEqual(f.shape);
      expect(dw?.shape).toEqual(wt.shape);
      tf.dispose([df, dw]);
      tf.dispose([f, wt, r]);
    },
  );

  // tfjs 4.22's cpu ResizeBilinearGrad ignores halfPixelCenters and returns [N, w, h, C] when
  // h != w, so the stock chain is a usable reference only for square maps and the legacy mapping.
  it("camFuse (linear form) matches the stock ops' gradients where tfjs computes them (square maps, legacy mapping)", () => {
    const [n, h, w, k, c] = [2, 4, 4, 3, 2];
    const f = tf.tensor4d(randn(n * h * w * k), [n, h, w, k]);
    const wt = tf.tensor3d(randn(n * k * c), [n, k, c]);
    const r = tf.tensor4d(randn(n * c * 9 * 7), [n, c, 9, 7]);
    const attrs = { outSize: [9, 7] as [number, number], relu: false, normalize: false, halfPixel: false };
    const [df, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(camFuse(a as tf.Tensor4D, b as tf.Tensor3D, attrs), r)),
    )([f, wt]);
    const [rf, rw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(camFuseOpChain(a as tf.Tensor4D, b, attrs), r)),
    )([f, wt]);
    const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number;
    expect(maxDiff(df as tf.Tensor, rf as tf.Tensor)).toBeLessThan(1e-4);
    expect(maxDiff(dw as tf.Tensor, rw as tf.Tensor)).toBeLessThan(1e-4);
    tf.dispose([f, wt, r, df, dw, rf, rw]);
  });

  it('camFuse refuses a gradient through ReLU / min-max with a one-line error', () => {
    const f = tf.ones([1, 2, 2, 1]);
    const wt = tf.ones([1, 1]);
    expect(() =>
      tf.grad((x: tf.Tensor) => tf.sum(camFuse(x as tf.Tensor4D, wt as tf.Tensor2D, { outSize: [4, 4] })))(f),
    ).toThrow(/only for relu=false, normalize=false/);
    tf.dispose([f, wt]);
  });
});
