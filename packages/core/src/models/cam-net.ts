import * as tf from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { CamkitConv2D } from '../layers/camkit-conv2d.js';
import { FusedBatchNormalization } from '../layers/fused-batch-normalization.js';
import { resolveInputShape } from './input-shape.js';

/** Options for {@link camNet}. */
export interface CamNetOptions {
  /**
   * Input height/width: one number for a square input, `[height, width]`, or `null` for a model
   * that accepts any size (input shape `[null, null, channels]`). Default 64.
   */
  inputSize?: number | readonly [number, number] | null;
  /** Input channels. Default 3. */
  channels?: number;
  /** Filters of each 3×3 conv layer, in order. Default `[16, 32, 64, 64]`. */
  filters?: readonly number[];
  /**
   * Dilation rate of each conv layer, in order (one per filter entry). Default all 1. Dilation widens
   * the receptive field at no extra cost in weights or multiply-adds, and keeps the network free of
   * pooling, so the CAM stays full-resolution: e.g. `[1, 2, 4, 8]` with four layers sees 31×31 px
   * instead of 9×9.
   */
  dilations?: readonly number[];
  /** Number of classes of the softmax output. Default 4. */
  numClasses?: number;
  /** Model name. Default `'camnet'`. */
  name?: string;
  /**
   * Put a BatchNormalization after each conv: `conv<i>` (linear, no bias) → `bn<i>` → `relu<i>`.
   * Trains faster and more stably; the CAM stays exact (the last 4-D layer, `relu<N>`, feeds GAP →
   * Dense directly) and {@link foldCamNetBatchNorm} folds each BN into its conv for inference.
   * Default false (layers `conv<i>` with built-in ReLU, as before).
   */
  batchNorm?: boolean;
}

/**
 * The no-pooling CAM network: `conv1..convN` (3×3, 'same', ReLU), `gap`
 * (GlobalAveragePooling2D) and `logits` (Dense, softmax). With no pooling every feature map keeps
 * the input resolution, so the CAM of the last conv layer is full-resolution.
 *
 * @example
 * const model = camNet({ inputSize: 64, numClasses: 4 });
 * model.getLayer('conv4').outputShape; // [null, 64, 64, 64]
 */
export function camNet(opts: CamNetOptions = {}): tf.Sequential {
  const channels = opts.channels ?? 3;
  const filters = opts.filters ?? [16, 32, 64, 64];
  const numClasses = opts.numClasses ?? 4;
  const inputShape = resolveInputShape(
    opts.inputSize === undefined ? 64 : opts.inputSize,
    channels,
    'camNet',
  );
  if (filters.length === 0 || filters.some((f) => !Number.isInteger(f) || f < 1)) {
    throw new CamkitError(`camNet: filters must be a non-empty list of positive integers, got [${filters}]`);
  }
  const dilations = opts.dilations ?? filters.map(() => 1);
  if (dilations.length !== filters.length || dilations.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new CamkitError(
      `camNet: dilations must be ${filters.length} positive integers (one per conv layer), got [${dilations}]`,
    );
  }
  checkPositiveInt(numClasses, 'numClasses');
  const model = tf.sequential({ name: opts.name ?? 'camnet' });
  filters.forEach((f, i) => {
    const conv = {
      name: `conv${i + 1}`,
      filters: f,
      kernelSize: 3,
      padding: 'same',
      // With BN after it, a conv bias is redundant (BN's beta shifts the same way).
      activation: opts.batchNorm ? 'linear' : 'relu',
      useBias: !opts.batchNorm,
      ...(i === 0 ? { inputShape } : {}),
    } as const;
    // camkit's Conv2D class (serialised as tfjs-layers' own): it trains dilated convs, and fuses
    // conv + bias + ReLU under a gradient.
    model.add(new CamkitConv2D({ ...conv, dilationRate: dilations[i] }));
    if (opts.batchNorm) {
      // Momentum 0.9 = PyTorch's BatchNorm2d default (0.1 there); Keras' 0.99 leaves the moving
      // statistics near their initial values for the first few hundred steps of a small dataset.
      model.add(new FusedBatchNormalization({ name: `bn${i + 1}`, axis: -1, momentum: 0.9 }));
      model.add(tf.layers.reLU({ name: `relu${i + 1}` }));
    }
  });
  model.add(tf.layers.globalAveragePooling2d({ name: 'gap' }));
  model.add(tf.layers.dense({ name: 'logits', units: numClasses, activation: 'softmax' }));
  return model;
}

function checkPositiveInt(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new CamkitError(`camNet: ${name} must be a positive integer, got ${value}`);
  }
}
