import * as tfl from '@tensorflow/tfjs-layers';

/** A small GAP→Dense classifier: conv 3×3 'same' ReLU layers `conv1..`, `gap`, `logits` (softmax). */
export function gapNet(
  opts: { size?: number; channels?: number; filters?: number[]; classes?: number; seed?: number } = {},
) {
  const size = opts.size ?? 6;
  const seed = opts.seed ?? 1;
  const filters = opts.filters ?? [4, 5];
  const model = tfl.sequential({ name: `gapnet_${seed}` });
  filters.forEach((f, i) => {
    model.add(
      tfl.layers.conv2d({
        name: `conv${i + 1}`,
        filters: f,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tfl.initializers.glorotNormal({ seed: seed * 10 + i }),
        biasInitializer: tfl.initializers.randomUniform({ minval: -0.05, maxval: 0.1, seed: seed * 10 + i }),
        ...(i === 0 ? { inputShape: [size, size, opts.channels ?? 3] } : {}),
      }),
    );
  });
  model.add(tfl.layers.globalAveragePooling2d({ name: 'gap' }));
  model.add(
    tfl.layers.dense({
      name: 'logits',
      units: opts.classes ?? 3,
      activation: 'softmax',
      kernelInitializer: tfl.initializers.glorotNormal({ seed: seed * 10 + 9 }),
      biasInitializer: tfl.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: seed * 10 + 9 }),
    }),
  );
  return model;
}

/** Conv → MaxPool → Flatten → Dense: a model without a GAP head (CAM does not apply). */
export function flattenNet(size = 6) {
  return tfl.sequential({
    name: 'flatten_net',
    layers: [
      tfl.layers.conv2d({
        name: 'conv',
        inputShape: [size, size, 3],
        filters: 3,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.maxPooling2d({ name: 'pool', poolSize: 2 }),
      tfl.layers.flatten({ name: 'flat' }),
      tfl.layers.dense({ name: 'out', units: 2, activation: 'softmax' }),
    ],
  });
}
