import * as tf from '@tensorflow/tfjs-layers';
import { type FamilyOptions, familyStart } from './family-options.js';

type Sym = tf.SymbolicTensor;

interface ResnetSpec {
  name: string;
  block: 'basic' | 'bottleneck';
  /** Base filters of each stage; blocks per stage. */
  stages: readonly (readonly [number, number])[];
  stem: number;
  /**
   * 'same': the stem pool is MaxPooling2D 3×3/2 'same' (TF pads bottom/right only);
   * 'pad': ZeroPadding2D(1) + 'valid' pools and stride-2 convs, torchvision's symmetric padding.
   */
  padding: 'same' | 'pad';
}

function buildResnetV1(spec: ResnetSpec, opts: FamilyOptions, defaultSize: number): tf.LayersModel {
  const { o, L, input } = familyStart(opts, defaultSize);
  const expansion = spec.block === 'bottleneck' ? 4 : 1;
  let x = L.pad(input, 'conv1_pad', 3);
  x = L.conv(x, {
    name: 'conv1_conv',
    filters: spec.stem,
    kernel: 7,
    strides: 2,
    padding: 'valid',
    bias: spec.block === 'bottleneck',
  });
  x = L.act(L.bn(x, 'conv1_bn', 1.001e-5), 'conv1_relu', 'relu');
  if (spec.padding === 'pad') x = L.pad(x, 'pool1_pad', 1);
  x = tf.layers
    .maxPooling2d({
      name: 'pool1_pool',
      poolSize: 3,
      strides: 2,
      padding: spec.padding === 'same' ? 'same' : 'valid',
    })
    .apply(x) as Sym;
  let channels = spec.stem;
  spec.stages.forEach(([filters, blocks], s) => {
    for (let b = 1; b <= blocks; b++) {
      const p = `conv${s + 2}_block${b}`;
      const stride = b === 1 && s > 0 ? 2 : 1;
      const out = filters * expansion;
      let shortcut = x;
      if (channels !== out || stride !== 1) {
        shortcut = L.conv(x, {
          name: `${p}_0_conv`,
          filters: out,
          kernel: 1,
          strides: stride,
          bias: spec.block === 'bottleneck',
        });
        shortcut = L.bn(shortcut, `${p}_0_bn`, 1.001e-5);
      }
      let y: Sym;
      if (spec.block === 'bottleneck') {
        // Keras's ResNet50 v1: the stride sits on the first 1×1 conv.
        y = L.conv(x, { name: `${p}_1_conv`, filters, kernel: 1, strides: stride, bias: true });
        y = L.act(L.bn(y, `${p}_1_bn`, 1.001e-5), `${p}_1_relu`, 'relu');
        y = L.conv(y, { name: `${p}_2_conv`, filters, kernel: 3, bias: true });
        y = L.act(L.bn(y, `${p}_2_bn`, 1.001e-5), `${p}_2_relu`, 'relu');
        y = L.conv(y, { name: `${p}_3_conv`, filters: out, kernel: 1, bias: true });
        y = L.bn(y, `${p}_3_bn`, 1.001e-5);
      } else {
        // torchvision's BasicBlock: 3×3 (stride) + BN + ReLU, 3×3 + BN.
        y = stride === 2 ? L.pad(x, `${p}_1_pad`, 1) : x;
        y = L.conv(y, {
          name: `${p}_1_conv`,
          filters,
          kernel: 3,
          strides: stride,
          padding: stride === 2 ? 'valid' : 'same',
        });
        y = L.act(L.bn(y, `${p}_1_bn`, 1e-5), `${p}_1_relu`, 'relu');
        y = L.conv(y, { name: `${p}_2_conv`, filters, kernel: 3 });
        y = L.bn(y, `${p}_2_bn`, 1e-5);
      }
      x = tf.layers.add({ name: `${p}_add` }).apply([shortcut, y]) as Sym;
      x = L.act(x, `${p}_out`, 'relu');
      channels = out;
    }
  });
  x = tf.layers.globalAveragePooling2d({ name: 'avg_pool' }).apply(x) as Sym;
  const out = L.dense(x, 'predictions', o.numClasses);
  return tf.model({ name: spec.name, inputs: input, outputs: out });
}

/**
 * ResNet50 v1 (He et al. 2016) with Keras applications' structure and names, reduced (3 stages
 * of 2/1/1 bottlenecks at 1/16 width): ZeroPadding2D(3) + `conv1_conv` 7×7/2 + BN + ReLU, the
 * stem pool `pool1_pool` 3×3/2 'same' (overlapping and padded), bottlenecks `conv{s}_block{b}`
 * (1×1/stride, 3×3, 1×1 ×4, BN after each, projection shortcut `_0_conv` + BN, `_add`, `_out`
 * ReLU), GAP `avg_pool`, Dense softmax. Last block `conv4_block1_out`; `conv2_block2_2_relu`
 * sits inside an identity-shortcut residual block.
 */
export function resnet50V1(opts: FamilyOptions = {}): tf.LayersModel {
  return buildResnetV1(
    {
      name: 'resnet50_v1',
      block: 'bottleneck',
      stem: 8,
      padding: 'same',
      stages: [
        [4, 2],
        [8, 1],
        [16, 1],
      ],
    },
    opts,
    32,
  );
}

/**
 * ResNet-18 at full width (11.7 M parameters with 1000 classes), torchvision's `resnet18`
 * architecture (basic blocks [2, 2, 2, 2], symmetric padding as ZeroPadding2D + 'valid'), for
 * benchmarks (random weights). Layer names follow the Keras scheme: `conv5_block2_out` is
 * torchvision's `layer4`. Default input 224.
 */
export function resnet18(opts: FamilyOptions = {}): tf.LayersModel {
  return buildResnetV1(
    {
      name: 'resnet18',
      block: 'basic',
      stem: 64,
      padding: 'pad',
      stages: [
        [64, 2],
        [128, 2],
        [256, 2],
        [512, 2],
      ],
    },
    { numClasses: 1000, ...opts },
    224,
  );
}
