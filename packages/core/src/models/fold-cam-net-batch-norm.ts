import * as tfc from '@tensorflow/tfjs-core';
import type * as tf from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { camNet } from './cam-net.js';

/**
 * Folds every `bn<i>` of a {@link camNet} built with `batchNorm: true` into its conv, returning a
 * plain camNet (`conv<i>` with bias and ReLU, `gap`, `logits`) that computes the same function in
 * inference mode: with s = γ / √(σ² + ε), the folded kernel is K·s (per output channel) and the bias
 * (b − μ)·s + β. So the BN net's CAM is exactly a plain camNet's CAM. The input model is not changed
 * or disposed; the caller owns the returned one.
 */
export function foldCamNetBatchNorm(model: tf.LayersModel): tf.Sequential {
  const convs = model.layers.filter((l) => /^conv\d+$/.test(l.name));
  if (convs.length === 0 || !model.layers.some((l) => l.name === 'bn1')) {
    throw new CamkitError(`foldCamNetBatchNorm: model '${model.name}' is not a camNet with batchNorm`);
  }
  const inputShape = model.inputs[0].shape;
  const logits = model.getLayer('logits');
  const folded = camNet({
    inputSize: inputShape[1] && inputShape[2] ? [inputShape[1], inputShape[2]] : null,
    channels: inputShape[3] ?? 3,
    filters: convs.map((c) => (c.getConfig().filters as number) ?? 0),
    dilations: convs.map((c) => dilationOf(c)),
    numClasses: logits.getConfig().units as number,
    name: `${model.name}_folded`,
  });
  tfc.tidy(() => {
    convs.forEach((conv, i) => {
      const bn = model.getLayer(`bn${i + 1}`);
      const eps = bn.getConfig().epsilon as number;
      const [kernel, convBias] = conv.getWeights();
      const [gamma, beta, mean, variance] = bn.getWeights();
      const scale = tfc.div(gamma, tfc.sqrt(tfc.add(variance, eps)));
      const bias = convBias ?? tfc.zerosLike(mean);
      folded
        .getLayer(`conv${i + 1}`)
        .setWeights([tfc.mul(kernel, scale), tfc.add(tfc.mul(tfc.sub(bias, mean), scale), beta)]);
    });
    folded.getLayer('logits').setWeights(logits.getWeights());
  });
  return folded;
}

function dilationOf(conv: tf.LayersModel['layers'][number]): number {
  const rate = conv.getConfig().dilationRate as number | number[] | undefined;
  const [h, w] = Array.isArray(rate) ? [rate[0], rate[1] ?? rate[0]] : [rate ?? 1, rate ?? 1];
  if (h !== w) throw new CamkitError(`foldCamNetBatchNorm: ${conv.name} has an unequal dilation ${rate}`);
  return h ?? 1;
}
