import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

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
  const { o, L, input } = familyStart(opts, 32);
  const add = (name: string, a: Sym, b: Sym) => tf.layers.add({ name }).apply([a, b]) as Sym;
  const pool = (name: string, x: Sym) =>
    tf.layers.maxPooling2d({ name, poolSize: 3, strides: 2, padding: 'same' }).apply(x) as Sym;
  const residual = (x: Sym, name: string, filters: number) =>
    L.bn(L.conv(x, { name, filters, kernel: 1, strides: 2 }), `${name.replace('conv', 'bn')}`);
  // `block{b}_sepconv{i}`: [ReLU →] SeparableConv2D 3×3 → BN.
  const sepConv = (x: Sym, b: number, i: number, filters: number, relu: boolean) => {
    const name = `block${b}_sepconv${i}`;
    const y = relu ? L.act(x, `${name}_act`, 'relu') : x;
    return L.bn(L.separable(y, { name, filters, kernel: 3 }), `${name}_bn`);
  };
  // An entry/exit-flow block: two separable convs, a 3×3/2 max pool, plus the 1×1/2 conv + BN
  // shortcut `conv2d_res{res}` (built first, as Keras does), summed as `add_{sum}`.
  const downBlock = (
    x: Sym,
    b: number,
    filters: [number, number],
    res: number,
    sum: number,
    firstRelu = true,
  ) => {
    const r = residual(x, `conv2d_res${res}`, filters[1]);
    let y = sepConv(x, b, 1, filters[0], firstRelu);
    y = sepConv(y, b, 2, filters[1], true);
    return add(`add_${sum}`, pool(`block${b}_pool`, y), r);
  };

  let x = L.conv(input, { name: 'block1_conv1', filters: 4, kernel: 3, strides: 2, padding: 'valid' });
  x = L.act(L.bn(x, 'block1_conv1_bn'), 'block1_conv1_act', 'relu');
  x = L.conv(x, { name: 'block1_conv2', filters: 8, kernel: 3, padding: 'valid' });
  x = L.act(L.bn(x, 'block1_conv2_bn'), 'block1_conv2_act', 'relu');

  // block2 has no ReLU before its first separable conv (the stem's ReLU precedes it).
  x = downBlock(x, 2, [16, 16], 1, 1, false);
  x = downBlock(x, 3, [24, 24], 2, 2);

  // Middle flow (Keras repeats this block 8 times, block5..block12).
  const r = x;
  for (let i = 1; i <= 3; i++) x = sepConv(x, 5, i, 24, true);
  x = add('add_3', x, r);

  // Exit flow.
  x = downBlock(x, 13, [24, 32], 3, 4);
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
