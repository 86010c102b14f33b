import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';
import { correctPad } from './make-divisible.js';
import { squeezeExcite } from './squeeze-excite.js';

type Sym = tf.SymbolicTensor;

// [kernel, repeats, filters in, filters out, expand ratio, stride] (Keras's B0 table of 7 stages
// at 32..320 filters, reduced to 4 stages at 1/4 width).
const STAGES: readonly [number, number, number, number, number, number][] = [
  [3, 1, 8, 8, 1, 1],
  [3, 2, 8, 8, 6, 2],
  [5, 2, 8, 16, 6, 2],
  [3, 1, 16, 24, 6, 2],
];
const SE_RATIO = 0.25;

/**
 * EfficientNet-B0 (Tan & Le 2019) with Keras applications' structure and names, reduced:
 * `rescaling` (Keras also has a per-channel Normalization, which tfjs-layers 4.22 lacks),
 * ZeroPadding2D + `stem_conv` 3×3/2 + BN + swish, MBConv blocks `block{s}{a,b}` (1×1 expand +
 * BN + swish, padded stride-2 or 'same' depthwise + BN + swish, squeeze-excite with a sigmoid
 * gate multiplied in, 1×1 project + BN, Dropout + `_add` when the block keeps its shape), then
 * `top_conv` + BN + `top_activation` swish, GAP, Dropout, Dense softmax. Last block
 * `top_activation`; `block3b_project_bn` sits inside a residual block.
 */
export function efficientnetB0(opts: FamilyOptions = {}): tf.LayersModel {
  const { o, L, input } = familyStart(opts, 32);
  // Pixels here are in [0, 1]; Keras's Rescaling(1/255) expects [0, 255].
  let x: Sym = tf.layers.rescaling({ name: 'rescaling', scale: 1 }).apply(input) as Sym;
  x = L.pad(x, 'stem_conv_pad', correctPad(3));
  x = L.conv(x, { name: 'stem_conv', filters: 8, kernel: 3, strides: 2, padding: 'valid' });
  x = L.act(L.bn(x, 'stem_bn'), 'stem_activation', 'swish');
  STAGES.forEach(([k, repeats, filtersIn0, filtersOut, expand, stride0], s) => {
    for (let r = 0; r < repeats; r++) {
      const p = `block${s + 1}${String.fromCharCode(97 + r)}_`;
      const filtersIn = r === 0 ? filtersIn0 : filtersOut;
      const stride = r === 0 ? stride0 : 1;
      const inputs = x;
      const expanded = filtersIn * expand;
      if (expand !== 1) {
        x = L.conv(x, { name: `${p}expand_conv`, filters: expanded, kernel: 1 });
        x = L.act(L.bn(x, `${p}expand_bn`), `${p}expand_activation`, 'swish');
      }
      x = L.depthwiseStrided(x, {
        name: `${p}dwconv`,
        kernel: k,
        stride,
        padName: `${p}dwconv_pad`,
        pad: correctPad(k),
      });
      x = L.act(L.bn(x, `${p}bn`), `${p}activation`, 'swish');
      const squeeze = Math.max(1, Math.floor(filtersIn * SE_RATIO));
      x = squeezeExcite(L, x, { name: `${p}se`, channels: expanded, squeeze, style: 'efficientnet' });
      x = L.conv(x, { name: `${p}project_conv`, filters: filtersOut, kernel: 1 });
      x = L.bn(x, `${p}project_bn`);
      if (stride === 1 && filtersIn === filtersOut) {
        x = tf.layers
          .dropout({
            name: `${p}drop`,
            rate: 0.2,
            seed: o.seed,
            noiseShape: [null, 1, 1, 1] as unknown as number[],
          })
          .apply(x) as Sym;
        x = tf.layers.add({ name: `${p}add` }).apply([x, inputs]) as Sym;
      }
    }
  });
  x = L.conv(x, { name: 'top_conv', filters: 48, kernel: 1 });
  x = L.act(L.bn(x, 'top_bn'), 'top_activation', 'swish');
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x) as Sym;
  x = tf.layers.dropout({ name: 'top_dropout', rate: 0.2, seed: o.seed }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: 'efficientnet_b0', inputs: input, outputs: out });
}
