import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';
import { hardSwish } from './hard-swish.js';
import { correctPad, makeDivisible } from './make-divisible.js';
import { squeezeExcite } from './squeeze-excite.js';

type Sym = tf.SymbolicTensor;

/** One inverted residual block: kernel, expanded channels, output channels, SE, activation, stride. */
type Block = readonly [number, number, number, boolean, 'RE' | 'HS', number];

// The MobileNetV3-Large table (Howard et al. 2019, Table 1; torchvision's mobilenet_v3_large and
// Keras's MobileNetV3Large at alpha 1).
const LARGE: readonly Block[] = [
  [3, 16, 16, false, 'RE', 1],
  [3, 64, 24, false, 'RE', 2],
  [3, 72, 24, false, 'RE', 1],
  [5, 72, 40, true, 'RE', 2],
  [5, 120, 40, true, 'RE', 1],
  [5, 120, 40, true, 'RE', 1],
  [3, 240, 80, false, 'HS', 2],
  [3, 200, 80, false, 'HS', 1],
  [3, 184, 80, false, 'HS', 1],
  [3, 184, 80, false, 'HS', 1],
  [3, 480, 112, true, 'HS', 1],
  [3, 672, 112, true, 'HS', 1],
  [5, 672, 160, true, 'HS', 2],
  [5, 960, 160, true, 'HS', 1],
  [5, 960, 160, true, 'HS', 1],
];

// Reduced for tests: every kind of block the table has (ReLU and hard-swish, with and without
// SE, 3×3 and 5×5, stride 1 and 2, residual and not), at about 1/4 width.
const REDUCED: readonly Block[] = [
  [3, 8, 8, true, 'RE', 2],
  [3, 32, 16, false, 'RE', 2],
  [5, 48, 16, true, 'HS', 1],
  [5, 48, 24, true, 'HS', 2],
  [3, 64, 24, true, 'HS', 1],
];

interface V3Spec {
  name: string;
  stem: number;
  blocks: readonly Block[];
  lastConv: number;
  lastPoint: number;
}

function buildV3(spec: V3Spec, opts: FamilyOptions, defaultSize: number): tf.LayersModel {
  const { o, L, input } = familyStart(opts, defaultSize);
  // Keras's include_preprocessing: pixels in [0, 1] here, mapped to [-1, 1].
  let x: Sym = tf.layers.rescaling({ name: 'rescaling', scale: 2, offset: -1 }).apply(input) as Sym;
  x = L.conv(x, { name: 'conv', filters: spec.stem, kernel: 3, strides: 2 });
  x = hardSwish(L.bn(x, 'conv_bn'), 'conv_hard_swish');
  let channels = spec.stem;
  spec.blocks.forEach(([k, expanded, filters, se, act, stride], id) => {
    const p = id === 0 ? 'expanded_conv' : `expanded_conv_${id}`;
    const activate = (y: Sym, name: string) => (act === 'HS' ? hardSwish(y, name) : L.act(y, name, 'relu'));
    const inputs = x;
    if (expanded !== channels) {
      x = L.conv(x, { name: `${p}_expand`, filters: expanded, kernel: 1 });
      x = activate(L.bn(x, `${p}_expand_bn`), `${p}_expand_act`);
    }
    x = L.depthwiseStrided(x, {
      name: `${p}_depthwise`,
      kernel: k,
      stride,
      padName: `${p}_depthwise_pad`,
      pad: correctPad(k),
    });
    x = activate(L.bn(x, `${p}_depthwise_bn`), `${p}_depthwise_act`);
    if (se)
      x = squeezeExcite(L, x, {
        name: `${p}_se`,
        channels: expanded,
        squeeze: makeDivisible(expanded / 4),
        style: 'mobilenetv3',
      });
    x = L.conv(x, { name: `${p}_project`, filters, kernel: 1 });
    x = L.bn(x, `${p}_project_bn`);
    if (stride === 1 && channels === filters)
      x = tf.layers.add({ name: `${p}_add` }).apply([inputs, x]) as Sym;
    channels = filters;
  });
  x = L.conv(x, { name: 'conv_1', filters: spec.lastConv, kernel: 1 });
  x = hardSwish(L.bn(x, 'conv_1_bn'), 'conv_1_hard_swish');
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling2d' }).apply(x) as Sym;
  x = tf.layers.reshape({ name: 'reshape', targetShape: [1, 1, spec.lastConv] }).apply(x) as Sym;
  x = hardSwish(
    L.conv(x, { name: 'conv_2', filters: spec.lastPoint, kernel: 1, bias: true }),
    'conv_2_hard_swish',
  );
  x = tf.layers.dropout({ name: 'dropout', rate: 0.2, seed: o.seed }).apply(x) as Sym;
  x = L.conv(x, { name: 'logits', filters: o.numClasses, kernel: 1, bias: true });
  x = tf.layers.flatten({ name: 'flatten' }).apply(x) as Sym;
  const out = tf.layers.activation({ name: 'predictions', activation: 'softmax' }).apply(x) as Sym;
  return tf.model({ name: spec.name, inputs: input, outputs: out });
}

/**
 * MobileNet v3 (Howard et al. 2019) with Keras applications' structure and names, reduced: a
 * Rescaling to [-1, 1], `conv` 3×3/2 + BN + hard swish, inverted residual blocks
 * `expanded_conv_{i}` with ReLU or hard-swish, squeeze-excite (`_se_excite` = Multiply by a
 * hard-sigmoid gate) and `_add` residuals, then `conv_1`, GAP, the 1×1 conv head and softmax.
 * Hard sigmoid and hard swish are stock layers (see `hardSwish`). Last block `conv_1_hard_swish`.
 */
export function mobilenetV3(opts: FamilyOptions = {}): tf.LayersModel {
  return buildV3({ name: 'mobilenet_v3', stem: 8, blocks: REDUCED, lastConv: 48, lastPoint: 64 }, opts, 32);
}

/**
 * MobileNetV3-Large at full width (5.48 M parameters with 1000 classes), the architecture of
 * torchvision's `mobilenet_v3_large`, for benchmarks (random weights). Default input 224.
 */
export function mobilenetV3Large(opts: FamilyOptions = {}): tf.LayersModel {
  return buildV3(
    { name: 'mobilenet_v3_large', stem: 16, blocks: LARGE, lastConv: 960, lastPoint: 1280 },
    { numClasses: 1000, ...opts },
    224,
  );
}
