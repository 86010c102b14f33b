import * as tf from '@tensorflow/tfjs-layers';
import { hardSigmoid } from './hard-swish.js';
import type { SeededLayers } from './seeded-layers.js';

type Sym = tf.SymbolicTensor;

/**
 * Squeeze-and-excitation (Hu et al. 2018) as Keras applications build it: global average pool,
 * reshape to 1×1, a 1×1 conv reducing to `squeeze` channels, a 1×1 conv back to `channels`, a
 * gate, and `Multiply` broadcasting the `[N, 1, 1, C]` gate over the feature map.
 * MobileNetV3 gates with ReLU + hard sigmoid, EfficientNet with swish + sigmoid.
 */
export function squeezeExcite(
  L: SeededLayers,
  x: Sym,
  o: { name: string; channels: number; squeeze: number; style: 'mobilenetv3' | 'efficientnet' },
): Sym {
  const pooled = tf.layers.globalAveragePooling2d({ name: `${o.name}_squeeze` }).apply(x) as Sym;
  const s = tf.layers
    .reshape({ name: `${o.name}_reshape`, targetShape: [1, 1, o.channels] })
    .apply(pooled) as Sym;
  const inner = o.style === 'efficientnet' ? 'swish' : 'relu';
  const reduced = L.conv(s, {
    name: `${o.name}_reduce`,
    filters: o.squeeze,
    kernel: 1,
    bias: true,
    activation: inner,
  });
  const gate =
    o.style === 'efficientnet'
      ? L.conv(reduced, {
          name: `${o.name}_expand`,
          filters: o.channels,
          kernel: 1,
          bias: true,
          activation: 'sigmoid',
        })
      : hardSigmoid(
          L.conv(reduced, { name: `${o.name}_expand`, filters: o.channels, kernel: 1, bias: true }),
          `${o.name}_gate`,
        );
  return tf.layers.multiply({ name: `${o.name}_excite` }).apply([x, gate]) as Sym;
}
