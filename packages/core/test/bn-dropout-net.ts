// A small net whose BatchNorm statistics are far from the identity and which has Dropout, so a
// method that ran either in training mode would make an image's map depend on its batch or on
// chance. Shared by the inference-mode and images-per-pass tests.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

const S = 8;

/** Input size of {@link bnDropoutNet}. */
export const BN_NET_SIZE = S;

/** conv → BN → ReLU → Dropout → conv → BN → ReLU → GAP → Dropout → Dense, BN statistics far from the identity. */
export function bnDropoutNet(): tfl.LayersModel {
  const seeded = (seed: number) => ({ kernelInitializer: tfl.initializers.glorotNormal({ seed }) });
  const model = tfl.sequential({
    name: 'bn_dropout_net',
    layers: [
      tfl.layers.conv2d({
        inputShape: [S, S, 3],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        name: 'c1',
        ...seeded(1),
      }),
      tfl.layers.batchNormalization({ name: 'bn1' }),
      tfl.layers.reLU({ name: 'r1' }),
      tfl.layers.dropout({ rate: 0.5, name: 'drop1', seed: 11 }),
      tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', name: 'c2', ...seeded(2) }),
      tfl.layers.batchNormalization({ name: 'bn2' }),
      tfl.layers.reLU({ name: 'feat' }),
      tfl.layers.globalAveragePooling2d({ name: 'gap' }),
      tfl.layers.dropout({ rate: 0.5, name: 'drop2', seed: 12 }),
      tfl.layers.dense({ units: 3, activation: 'softmax', name: 'out', ...seeded(3) }),
    ],
  });
  for (const name of ['bn1', 'bn2']) {
    const layer = model.getLayer(name);
    const k = layer.getWeights()[0].shape[0];
    const ramp = (a: number, b: number) => tf.tensor1d(Array.from({ length: k }, (_, i) => a + b * i));
    // gamma, beta, moving mean, moving variance
    layer.setWeights([ramp(1.5, -0.2), ramp(0.1, 0.05), ramp(0.3, -0.1), ramp(2, 0.5)]);
  }
  return model;
}
