import * as tf from '@tensorflow/tfjs-core';

/**
 * Score-CAM's input masks for one image: each channel of `activations` `[h, w, K]` upsampled to
 * `size` with align-corners bilinear interpolation (torch `UpsamplingBilinear2d`), then min-max
 * normalised per channel with `(u - min) / (max - min + 1e-8)`. Returns `[K, H, W, 1]`, ready to
 * multiply the `[H, W, C]` input.
 */
export function scorecamMasks(activations: tf.Tensor3D, size: readonly [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const up = tf.image.resizeBilinear(activations, [size[0], size[1]], true);
    const min = tf.min(up, [0, 1], true);
    const max = tf.max(up, [0, 1], true);
    const norm = tf.div(tf.sub(up, min), tf.add(tf.sub(max, min), 1e-8));
    return tf.expandDims(tf.transpose(norm, [2, 0, 1]), 3) as tf.Tensor4D;
  });
}

/** Score-CAM channel weights: softmax over channels of the masked-input scores `[N, K, classes]` → same shape. */
export function scorecamWeights(scores: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => tf.transpose(tf.softmax(tf.transpose(scores, [0, 2, 1])), [0, 2, 1]) as tf.Tensor3D);
}

/**
 * Score-CAM's masked-input logits `[N, K, classes]`, `batchSize` masked images at a time. `ranges`
 * (host, `[N·K]`) is max − min of each image's channel over the map: where it is 0 the channel is
 * constant, and so is its upsampled map (bilinear interpolation of a constant gives it back
 * exactly), so its mask `(u − min) / (max − min + 1e-8)` is all zeros and its masked input the
 * zero image, whatever the image. That image is scored once and stands for every such channel; the
 * rest run as before. On a trained net's last block that skips many forwards: 18–37 % of the
 * arch-reference MobileNetV2's channels at `features.18` are constant (ReLU6 zeros).
 */
export function scorecamScores(
  logits: (x: tf.Tensor4D) => tf.Tensor2D,
  features: tf.Tensor4D,
  images: tf.Tensor4D,
  ranges: ArrayLike<number>,
  batchSize: number,
): tf.Tensor3D {
  const [n, , , k] = features.shape;
  const [, h, w, c] = images.shape;
  return tf.tidy(() => {
    let anyConstant = false;
    for (let i = 0; i < n * k; i++) if (ranges[i] === 0) anyConstant = true;
    const zero = anyConstant ? logits(tf.zeros([1, h, w, c])) : null;
    const perImage: tf.Tensor2D[] = [];
    for (let i = 0; i < n; i++) {
      const varying: number[] = [];
      for (let j = 0; j < k; j++) if (ranges[i * k + j] !== 0) varying.push(j);
      perImage.push(
        tf.tidy(() => {
          const rows: tf.Tensor2D[] = [];
          if (varying.length > 0) {
            const acts = tf.squeeze(tf.slice(features, [i, 0, 0, 0], [1, -1, -1, -1]), [0]) as tf.Tensor3D;
            const image = tf.slice(images, [i, 0, 0, 0], [1, -1, -1, -1]);
            const all = scorecamMasks(acts, [h, w]);
            const masks = varying.length === k ? all : tf.gather(all, tf.tensor1d(varying, 'int32'));
            for (let s = 0; s < varying.length; s += batchSize) {
              const count = Math.min(batchSize, varying.length - s);
              rows.push(
                tf.tidy(() =>
                  logits(tf.mul(tf.slice(masks, [s, 0, 0, 0], [count, -1, -1, -1]), image) as tf.Tensor4D),
                ),
              );
            }
          }
          if (varying.length === k) return tf.concat(rows, 0) as tf.Tensor2D;
          // Row j of the result: channel j's logits (its place among the varying ones, or the zero row).
          rows.push(zero!);
          const place = new Int32Array(k).fill(varying.length);
          varying.forEach((j, r) => {
            place[j] = r;
          });
          return tf.gather(tf.concat(rows, 0), tf.tensor1d(place, 'int32')) as tf.Tensor2D;
        }),
      );
    }
    return tf.stack(perImage, 0) as tf.Tensor3D;
  });
}
