import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

type Sym = tf.SymbolicTensor;

// [filters, blocks] per stack (Keras's [3, 4, 6, 3] at 64..512, reduced to [2, 2, 1] at 1/16 width).
const STACKS: readonly [number, number][] = [
  [4, 2],
  [8, 2],
  [16, 1],
];

/**
 * ResNet50 v2 (He et al. 2016, "Identity mappings") with Keras applications' structure and names,
 * reduced: `conv1_conv` 7×7/2, ZeroPadding2D + `pool1_pool` 3×3/2, pre-activation bottlenecks
 * (`_preact_bn` + ReLU first; shortcut a 1×1 conv of the pre-activation in a stack's first block,
 * a 1×1/2 MaxPooling2D in its strided last block, the identity otherwise; the stride on the 3×3
 * conv after ZeroPadding2D), `post_bn` + `post_relu`, GAP, Dense softmax. Last block `post_relu`;
 * `conv3_block1_2_relu` sits inside a residual block.
 */
export function resnet50V2(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  let x = L.pad(input, 'conv1_pad', 3);
  x = L.conv(x, { name: 'conv1_conv', filters: 8, kernel: 7, strides: 2, padding: 'valid', bias: true });
  x = L.pad(x, 'pool1_pad', 1);
  x = tf.layers.maxPooling2d({ name: 'pool1_pool', poolSize: 3, strides: 2 }).apply(x) as Sym;
  STACKS.forEach(([filters, blocks], s) => {
    // Keras's stack2: stride 2 on the last block of every stack but the last.
    const lastStride = s < STACKS.length - 1 ? 2 : 1;
    for (let b = 1; b <= blocks; b++) {
      const p = `conv${s + 2}_block${b}`;
      const stride = b === blocks ? lastStride : 1;
      const preact = L.act(L.bn(x, `${p}_preact_bn`, 1.001e-5), `${p}_preact_relu`, 'relu');
      let shortcut: Sym;
      if (b === 1) {
        shortcut = L.conv(preact, {
          name: `${p}_0_conv`,
          filters: 4 * filters,
          kernel: 1,
          strides: stride,
          bias: true,
        });
      } else if (stride > 1) {
        shortcut = tf.layers
          .maxPooling2d({ name: `${p}_0_pool`, poolSize: 1, strides: stride })
          .apply(x) as Sym;
      } else {
        shortcut = x;
      }
      let y = L.conv(preact, { name: `${p}_1_conv`, filters, kernel: 1 });
      y = L.act(L.bn(y, `${p}_1_bn`, 1.001e-5), `${p}_1_relu`, 'relu');
      y = L.pad(y, `${p}_2_pad`, 1);
      y = L.conv(y, { name: `${p}_2_conv`, filters, kernel: 3, strides: stride, padding: 'valid' });
      y = L.act(L.bn(y, `${p}_2_bn`, 1.001e-5), `${p}_2_relu`, 'relu');
      y = L.conv(y, { name: `${p}_3_conv`, filters: 4 * filters, kernel: 1, bias: true });
      x = tf.layers.add({ name: `${p}_out` }).apply([shortcut, y]) as Sym;
    }
  });
  x = L.act(L.bn(x, 'post_bn', 1.001e-5), 'post_relu', 'relu');
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'resnet50_v2', inputs: input, outputs: out });
}
