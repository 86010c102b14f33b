import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyDefaults } from './family-options.js';
import { SeededLayers } from './seeded-layers.js';

type Sym = tf.SymbolicTensor;

/**
 * Xception (Chollet 2017) with Keras applications' structure and names, reduced (entry flow
 * blocks 1–3, one middle-flow block, the exit flow; 1/16 width): 'valid' 3×3/2 and 3×3 convs,
 * residual blocks of SeparableConv2D + BN (+ ReLU) ending in a 3×3/2 'same' max pool and added
 * to a 1×1/2 conv + BN shortcut, an identity-shortcut middle block of three ReLU → SeparableConv2D
 * → BN, `block14_sepconv{1,2}_act`, GAP, Dense softmax. Last block `block14_sepconv2_act`;
 * `block5_sepconv2_bn` sits inside the middle-flow residual block.
 */
export function xception(opts: FamilyOptions = {}): tf.LayersModel {
  const o = familyDefaults(opts, 32);
  const L = new SeededLayers(o.seed);
  const add = (name: string, a: Sym, b: Sym) => tf.layers.add({ name }).apply([a, b]) as Sym;
  const pool = (name: string, x: Sym) =>
    tf.layers.maxPooling2d({ name, poolSize: 3, strides: 2, padding: 'same' }).apply(x) as Sym;
  const residual = (x: Sym, name: string, filters: number) =>
    L.bn(L.conv(x, { name, filters, kernel: 1, strides: 2 }), `${name.replace('conv', 'bn')}`);

  const input = tf.input({ shape: [o.inputSize, o.inputSize, 3], name: 'input_1' });
  let x = L.conv(input, { name: 'block1_conv1', filters: 4, kernel: 3, strides: 2, padding: 'valid' });
  x = L.act(L.bn(x, 'block1_conv1_bn'), 'block1_conv1_act', 'relu');
  x = L.conv(x, { name: 'block1_conv2', filters: 8, kernel: 3, padding: 'valid' });
  x = L.act(L.bn(x, 'block1_conv2_bn'), 'block1_conv2_act', 'relu');

  // block2: no ReLU before its first separable conv (the stem's ReLU precedes it).
  let r = residual(x, 'conv2d_res1', 16);
  x = L.bn(L.separable(x, { name: 'block2_sepconv1', filters: 16, kernel: 3 }), 'block2_sepconv1_bn');
  x = L.act(x, 'block2_sepconv2_act', 'relu');
  x = L.bn(L.separable(x, { name: 'block2_sepconv2', filters: 16, kernel: 3 }), 'block2_sepconv2_bn');
  x = add('add_1', pool('block2_pool', x), r);

  r = residual(x, 'conv2d_res2', 24);
  x = L.act(x, 'block3_sepconv1_act', 'relu');
  x = L.bn(L.separable(x, { name: 'block3_sepconv1', filters: 24, kernel: 3 }), 'block3_sepconv1_bn');
  x = L.act(x, 'block3_sepconv2_act', 'relu');
  x = L.bn(L.separable(x, { name: 'block3_sepconv2', filters: 24, kernel: 3 }), 'block3_sepconv2_bn');
  x = add('add_2', pool('block3_pool', x), r);

  // Middle flow (Keras repeats this block 8 times, block5..block12).
  r = x;
  for (let i = 1; i <= 3; i++) {
    x = L.act(x, `block5_sepconv${i}_act`, 'relu');
    x = L.bn(L.separable(x, { name: `block5_sepconv${i}`, filters: 24, kernel: 3 }), `block5_sepconv${i}_bn`);
  }
  x = add('add_3', x, r);

  // Exit flow.
  r = residual(x, 'conv2d_res3', 32);
  x = L.act(x, 'block13_sepconv1_act', 'relu');
  x = L.bn(L.separable(x, { name: 'block13_sepconv1', filters: 24, kernel: 3 }), 'block13_sepconv1_bn');
  x = L.act(x, 'block13_sepconv2_act', 'relu');
  x = L.bn(L.separable(x, { name: 'block13_sepconv2', filters: 32, kernel: 3 }), 'block13_sepconv2_bn');
  x = add('add_4', pool('block13_pool', x), r);
  x = L.act(
    L.bn(L.separable(x, { name: 'block14_sepconv1', filters: 40, kernel: 3 }), 'block14_sepconv1_bn'),
    'block14_sepconv1_act',
    'relu',
  );
  x = L.act(
    L.bn(L.separable(x, { name: 'block14_sepconv2', filters: 48, kernel: 3 }), 'block14_sepconv2_bn'),
    'block14_sepconv2_act',
    'relu',
  );
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'xception', inputs: input, outputs: out });
}
