import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

type Sym = tf.SymbolicTensor;

// [pointwise filters, stride] per depthwise-separable block (Keras's 13 blocks, reduced to 5 at 1/8 width).
const BLOCKS: readonly [number, number][] = [
  [8, 1],
  [16, 2],
  [16, 1],
  [32, 2],
  [32, 1],
];

/**
 * MobileNet v1 (Howard et al. 2017) with Keras applications' layer structure and names at reduced
 * width: `conv1` 3×3/2 + BN + ReLU6, depthwise-separable blocks `conv_dw_{i}` (ZeroPadding2D
 * ((0,1),(0,1)) before a stride-2 'valid' depthwise conv) + BN + ReLU6 + `conv_pw_{i}` 1×1 +
 * BN + ReLU6, then Keras's convolutional head: GAP, Reshape 1×1, Dropout, `conv_preds` 1×1,
 * Reshape, softmax. No Dense head, so method 'cam' does not apply. Last block `conv_pw_5_relu`.
 */
export function mobilenetV1(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  let x: Sym = L.conv(input, { name: 'conv1', filters: 8, kernel: 3, strides: 2 });
  x = L.act(L.bn(x, 'conv1_bn'), 'conv1_relu', 'relu6');
  BLOCKS.forEach(([filters, stride], b) => {
    const id = b + 1;
    x = L.depthwiseStrided(x, {
      name: `conv_dw_${id}`,
      kernel: 3,
      stride,
      padName: `conv_pad_${id}`,
      pad: [
        [0, 1],
        [0, 1],
      ],
    });
    x = L.act(L.bn(x, `conv_dw_${id}_bn`), `conv_dw_${id}_relu`, 'relu6');
    x = L.conv(x, { name: `conv_pw_${id}`, filters, kernel: 1 });
    x = L.act(L.bn(x, `conv_pw_${id}_bn`), `conv_pw_${id}_relu`, 'relu6');
  });
  const channels = BLOCKS[BLOCKS.length - 1][0];
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as Sym;
  x = tf.layers.reshape({ name: 'reshape_1', targetShape: [1, 1, channels] }).apply(x) as Sym;
  x = tf.layers.dropout({ name: 'dropout', rate: 0.001, seed: o.seed }).apply(x) as Sym;
  x = L.conv(x, { name: 'conv_preds', filters: o.numClasses, kernel: 1, bias: true });
  x = tf.layers.reshape({ name: 'reshape_2', targetShape: [o.numClasses] }).apply(x) as Sym;
  const out = tf.layers.activation({ name: 'predictions', activation: 'softmax' }).apply(x) as Sym;
  return tf.model({ name: 'mobilenet_v1', inputs: input, outputs: out });
}
