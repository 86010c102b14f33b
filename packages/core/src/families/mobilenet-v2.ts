import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';
import { correctPad } from './make-divisible.js';

type Sym = tf.SymbolicTensor;

// [expansion, output filters, stride] per inverted residual block (Keras's 17, reduced to 5).
const BLOCKS: readonly [number, number, number][] = [
  [1, 8, 1],
  [6, 8, 2],
  [6, 8, 1],
  [6, 16, 2],
  [6, 16, 1],
];

/**
 * MobileNet v2 (Sandler et al. 2018) with Keras applications' structure and names at reduced
 * width: `Conv1` 3×3/2 + `bn_Conv1` + ReLU6, inverted residual blocks `block_{i}` — 1×1 expand
 * + BN + ReLU6, ZeroPadding2D + stride-2 'valid' or stride-1 'same' depthwise + BN + ReLU6, 1×1
 * project + BN, `block_{i}_add` when shapes allow — then `Conv_1` + BN + `out_relu`, GAP and a
 * Dense softmax. Last block `out_relu`; `block_4_add` is a residual sum, `block_4_depthwise_relu`
 * a node inside a residual block.
 */
export function mobilenetV2(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  let x: Sym = L.conv(input, { name: 'Conv1', filters: 8, kernel: 3, strides: 2 });
  x = L.act(L.bn(x, 'bn_Conv1'), 'Conv1_relu', 'relu6');
  let channels = 8;
  BLOCKS.forEach(([t, filters, stride], id) => {
    const p = id === 0 ? 'expanded_conv_' : `block_${id}_`;
    const inputs = x;
    if (id > 0) {
      x = L.conv(x, { name: `${p}expand`, filters: channels * t, kernel: 1 });
      x = L.act(L.bn(x, `${p}expand_BN`), `${p}expand_relu`, 'relu6');
    }
    x = L.depthwiseStrided(x, {
      name: `${p}depthwise`,
      kernel: 3,
      stride,
      padName: `${p}pad`,
      pad: correctPad(3),
    });
    x = L.act(L.bn(x, `${p}depthwise_BN`), `${p}depthwise_relu`, 'relu6');
    x = L.conv(x, { name: `${p}project`, filters, kernel: 1 });
    x = L.bn(x, `${p}project_BN`);
    if (stride === 1 && channels === filters)
      x = tf.layers.add({ name: `${p}add` }).apply([inputs, x]) as Sym;
    channels = filters;
  });
  x = L.conv(x, { name: 'Conv_1', filters: 32, kernel: 1 });
  x = L.act(L.bn(x, 'Conv_1_bn'), 'out_relu', 'relu6');
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'mobilenet_v2', inputs: input, outputs: out });
}
