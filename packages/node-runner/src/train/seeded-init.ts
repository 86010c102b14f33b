import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { Rng } from '@camkit/core';

/**
 * Kernel initialisation (uniform, limits below): 'glorot' (Glorot-style), 'he' (He-uniform for the
 * ReLU layers) or 'fan-in' (PyTorch's default for Conv2d and Linear).
 */
export const INIT_SCHEMES = ['glorot', 'he', 'fan-in'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/**
 * Re-initialises a freshly built model from `seed` so a run is reproducible (tfjs's initializers
 * take no global seed): uniform kernels in ±limit, zero biases; fan_in = kernel size / output
 * channels (k·k·in for a conv), fan_out = output channels.
 * - 'glorot': √(6 / (fan_in + fan_out)) for every kernel (Keras's Glorot counts k·k·out as a conv's
 *   fan_out; this one does not, so its conv limits are ~1.5–2× Keras's);
 * - 'he': √(6 / fan_in) for the hidden layers, 'glorot' for the output layer;
 * - 'fan-in': 1 / √fan_in for every kernel, which is PyTorch's default (kaiming_uniform with
 *   a = √5) — its biases are uniform too, these are zero.
 * Measured on the synthetic shapes: the 6-conv vgg-like net stayed at chance for 10 epochs with
 * Glorot and reached 98 % in 3 with He; the 3-conv camNet learned faster with Glorot. On
 * Fashion-MNIST the BatchNorm camNet scored higher with 'fan-in' (BENCHMARKS.md), and so did
 * PyTorch's same net: with Adam, a BN-normalised conv's effective step is lr / |w|, so smaller
 * kernels learn faster.
 */
export function seededInit(model: tfl.LayersModel, seed: number, scheme: InitScheme = 'glorot'): void {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const last = model.layers[model.layers.length - 1];
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
    const size = shape.reduce((a, b) => a * b, 1);
    if (/bias$/.test(w.originalName)) return tf.zeros(shape);
    // Anything else that is not a kernel (e.g. BatchNormalization's gamma) keeps its initializer.
    if (!/kernel$/.test(w.originalName) || shape.length < 2) return tf.clone(w.read());
    const fanOut = shape[shape.length - 1];
    const fanIn = size / fanOut;
    const isOutput = w.originalName.startsWith(`${last.name}/`);
    const limit =
      scheme === 'fan-in'
        ? 1 / Math.sqrt(fanIn)
        : isOutput || scheme === 'glorot'
          ? Math.sqrt(6 / (fanIn + fanOut))
          : Math.sqrt(6 / fanIn);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = (rng.next() * 2 - 1) * limit;
    return tf.tensor(data, shape);
  });
  model.setWeights(values);
  tf.dispose(values);
}

/**
 * `--init auto`: 'he' for the vgg-like net, 'fan-in' for camNet with BatchNorm, 'glorot' for
 * camNet without (see {@link seededInit} for what each was measured to do).
 */
export function defaultInit(arch: string, batchNorm: boolean): InitScheme {
  if (arch === 'vgg-like') return 'he';
  return batchNorm ? 'fan-in' : 'glorot';
}
