// Score-CAM's shortcut for constant channels against the plain computation: every channel's masked
// input scored on its own.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BACKENDS, maxAbs, maxAbsDiff, useBackend } from '../../test/backends.js';
import { scorecamMasks, scorecamScores } from './score-cam.js';

const [N, h, w, K] = [2, 3, 3, 6];
const [H, W, C, CLASSES] = [8, 8, 3, 4];
// Image 0: channel 1 all zeros, channel 4 all 2.5; image 1: channel 2 all 0.75. Others vary.
const CONSTANT: Record<number, Record<number, number>> = { 0: { 1: 0, 4: 2.5 }, 1: { 2: 0.75 } };

function features(): Float32Array {
  const f = new Float32Array(N * h * w * K);
  for (let i = 0; i < N; i++)
    for (let p = 0; p < h * w; p++)
      for (let k = 0; k < K; k++)
        f[(i * h * w + p) * K + k] = CONSTANT[i][k] ?? Math.abs(Math.sin(1.3 * i + 0.7 * p + 2.1 * k));
  return f;
}

describe.each(BACKENDS)('scorecamScores (%s)', (backend) => {
  it('scores a constant channel with the zero image once; every score equals the plain per-channel one', async () => {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const feats = tf.tensor4d(features(), [N, h, w, K]);
    const images = tf.tensor4d(
      Float32Array.from({ length: N * H * W * C }, (_, i) => Math.cos(0.37 * i)),
      [N, H, W, C],
    );
    const filter = tf.tensor4d(
      Float32Array.from({ length: 3 * 3 * C * 5 }, (_, i) => Math.sin(0.9 * i)),
      [3, 3, C, 5],
    );
    const dense = tf.tensor2d(
      Float32Array.from({ length: 5 * CLASSES }, (_, i) => Math.cos(1.7 * i)),
      [5, CLASSES],
    );
    let scored = 0;
    const logits = (x: tf.Tensor4D): tf.Tensor2D => {
      scored += x.shape[0];
      return tf.tidy(() => tf.matMul(tf.mean(tf.relu(tf.conv2d(x, filter, 1, 'same')), [1, 2]), dense));
    };
    const ranges = tf.tidy(() => tf.sub(tf.max(feats, [1, 2]), tf.min(feats, [1, 2])).dataSync());
    const fast = scorecamScores(logits, feats, images, ranges, 4);
    const got = fast.dataSync();
    // 6 + 6 channels, 3 constant: 9 masked images and one zero image.
    expect(scored).toBe(10);

    for (let i = 0; i < N; i++) {
      const plain = tf.tidy(() => {
        const acts = tf.squeeze(tf.slice(feats, [i, 0, 0, 0], [1, -1, -1, -1]), [0]) as tf.Tensor3D;
        const masks = scorecamMasks(acts, [H, W]);
        // The premise: a constant channel's mask is exactly zero on this backend.
        for (const k of Object.keys(CONSTANT[i]).map(Number)) {
          expect(maxAbs(tf.slice(masks, [k, 0, 0, 0], [1, -1, -1, -1]).dataSync())).toBe(0);
        }
        const image = tf.slice(images, [i, 0, 0, 0], [1, -1, -1, -1]);
        return logits(tf.mul(masks, image) as tf.Tensor4D).dataSync();
      });
      const ours = got.subarray(i * K * CLASSES, (i + 1) * K * CLASSES);
      expect(maxAbsDiff(ours, plain)).toBeLessThanOrEqual(1e-6 * maxAbs(plain));
    }
    tf.dispose([fast, feats, images, filter, dense]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('with no constant channel it scores every masked image and no zero image', async () => {
    await useBackend(backend);
    const feats = tf.tensor4d(
      Float32Array.from({ length: 1 * h * w * 2 }, (_, i) => i + 1),
      [1, h, w, 2],
    );
    const images = tf.ones([1, H, W, C]) as tf.Tensor4D;
    let scored = 0;
    const logits = (x: tf.Tensor4D): tf.Tensor2D => {
      scored += x.shape[0];
      return tf.tidy(() => tf.reshape(tf.sum(x, [1, 2, 3]), [-1, 1]) as tf.Tensor2D);
    };
    const out = scorecamScores(logits, feats, images, [1, 1], 16);
    expect(out.shape).toEqual([1, 2, 1]);
    expect(scored).toBe(2);
    tf.dispose([out, feats, images]);
  });
});
