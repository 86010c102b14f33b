import * as tf from '@tensorflow/tfjs-layers';

/**
 * Adds VGG-style blocks to `model`: block b gets `block{b}_conv{i}` (3×3, 'same', ReLU) per entry,
 * then `block{b}_pool` (2×2 max pool). Keras's layer names, so converted weights load by name.
 * Shared by {@link vggLike} and {@link vgg16} so the two cannot drift apart.
 */
export function addVggBlocks(
  model: tf.Sequential,
  blocks: readonly (readonly number[])[],
  inputShape: tf.Shape,
): void {
  blocks.forEach((block, b) => {
    block.forEach((filters, i) => {
      model.add(
        tf.layers.conv2d({
          name: `block${b + 1}_conv${i + 1}`,
          filters,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
          ...(b === 0 && i === 0 ? { inputShape } : {}),
        }),
      );
    });
    model.add(tf.layers.maxPooling2d({ name: `block${b + 1}_pool`, poolSize: 2, strides: 2 }));
  });
}
