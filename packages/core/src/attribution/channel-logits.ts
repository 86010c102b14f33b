import * as tf from '@tensorflow/tfjs-core';
import type { SplitForward } from './split-model.js';

/**
 * Logits `[N, K, classes]` of K variants of each image, one per channel of the target layer
 * (Ablation-CAM's ablated activations), `rows` variants at a time.
 * `perImage(acts, image, i)` runs once per image — `acts` its activations `[h, w, K]`, `image`
 * `[1, H, W, C]` — and returns the function that gives the logits `[count, classes]` of the
 * variants `start … start + count − 1`; each chunk runs in its own tidy.
 */
export function perChannelLogits(
  fwd: SplitForward,
  rows: number,
  perImage: (
    acts: tf.Tensor3D,
    image: tf.Tensor4D,
    i: number,
  ) => (start: number, count: number) => tf.Tensor2D,
): tf.Tensor3D {
  const [n, , , k] = fwd.features.shape;
  return tf.tidy(() => {
    const images: tf.Tensor2D[] = [];
    for (let i = 0; i < n; i++) {
      images.push(
        tf.tidy(() => {
          const acts = tf.squeeze(tf.slice(fwd.features, [i, 0, 0, 0], [1, -1, -1, -1]), [0]) as tf.Tensor3D;
          const image = tf.slice(fwd.images, [i, 0, 0, 0], [1, -1, -1, -1]) as tf.Tensor4D;
          const chunk = perImage(acts, image, i);
          const chunks: tf.Tensor2D[] = [];
          for (let start = 0; start < k; start += rows) {
            const count = Math.min(rows, k - start);
            chunks.push(tf.tidy(() => chunk(start, count)));
          }
          return tf.concat(chunks, 0);
        }),
      );
    }
    return tf.stack(images, 0) as tf.Tensor3D;
  });
}
