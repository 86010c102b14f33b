import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

type Sym = tf.SymbolicTensor;

const GROWTH = 4;
// Dense layers per block (Keras's DenseNet121 has [6, 12, 24, 16] at growth 32; reduced to [2, 2, 2] at 4).
const BLOCKS = [2, 2, 2];
const EPS = 1.001e-5;

/**
 * DenseNet-121 (Huang et al. 2017) with Keras applications' structure and names, reduced:
 * ZeroPadding2D(3) + `conv1/conv` 7×7/2 + BN + ReLU, ZeroPadding2D(1) + `pool1` 3×3/2, dense
 * blocks whose layers `conv{b}_block{i}` (BN + ReLU + 1×1 conv to 4·growth + BN + ReLU + 3×3
 * conv to growth) are `Concatenate`d onto their input, transitions `pool{b}` (BN + ReLU + 1×1
 * conv halving the channels + 2×2 AveragePooling2D), final `bn` + `relu`, GAP, Dense softmax.
 * Last block `relu`; `conv3_block1_2_conv` is a node inside a dense block.
 */
export function densenet121(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  let x = L.pad(input, 'zero_padding2d', 3);
  x = L.conv(x, { name: 'conv1/conv', filters: 8, kernel: 7, strides: 2, padding: 'valid' });
  x = L.act(L.bn(x, 'conv1/bn', EPS), 'conv1/relu', 'relu');
  x = L.pad(x, 'zero_padding2d_1', 1);
  x = tf.layers.maxPooling2d({ name: 'pool1', poolSize: 3, strides: 2 }).apply(x) as Sym;
  let channels = 8;
  BLOCKS.forEach((layers, b) => {
    const stage = b + 2;
    for (let i = 1; i <= layers; i++) {
      const p = `conv${stage}_block${i}`;
      let y = L.act(L.bn(x, `${p}_0_bn`, EPS), `${p}_0_relu`, 'relu');
      y = L.conv(y, { name: `${p}_1_conv`, filters: 4 * GROWTH, kernel: 1 });
      y = L.act(L.bn(y, `${p}_1_bn`, EPS), `${p}_1_relu`, 'relu');
      y = L.conv(y, { name: `${p}_2_conv`, filters: GROWTH, kernel: 3 });
      x = tf.layers.concatenate({ name: `${p}_concat`, axis: -1 }).apply([x, y]) as Sym;
      channels += GROWTH;
    }
    if (b < BLOCKS.length - 1) {
      const p = `pool${stage}`;
      x = L.act(L.bn(x, `${p}_bn`, EPS), `${p}_relu`, 'relu');
      channels = Math.floor(channels * 0.5);
      x = L.conv(x, { name: `${p}_conv`, filters: channels, kernel: 1 });
      x = tf.layers.averagePooling2d({ name: `${p}_pool`, poolSize: 2, strides: 2 }).apply(x) as Sym;
    }
  });
  x = L.act(L.bn(x, 'bn', EPS), 'relu', 'relu');
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'densenet121', inputs: input, outputs: out });
}
