import * as tf from '@tensorflow/tfjs-core';
import { type OpContext, unsupported } from './op-context.js';

/**
 * Applies the activation a GraphDef op names (stand-alone or as a fused op). ReLU goes through
 * `ctx.guidedRelu` when set; `alpha` is PReLU's slope tensor.
 */
export function applyActivation(ctx: OpContext, name: string, x: tf.Tensor, alpha?: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'Relu':
      return ctx.guidedRelu ? ctx.guidedRelu(x) : tf.relu(x);
    case 'Relu6':
      return tf.relu6(x);
    case 'Elu':
      return tf.elu(x);
    case 'Selu':
      return tf.selu(x);
    case 'LeakyRelu':
      return tf.leakyRelu(
        x,
        ctx.node.attrs.float(ctx.node.op === 'LeakyRelu' ? 'alpha' : 'leakyrelu_alpha', 0.2),
      );
    case 'Prelu':
      if (!alpha) return unsupported(ctx, 'Prelu without its alpha input');
      return tf.prelu(x, alpha);
    case 'Sigmoid':
      return tf.sigmoid(x);
    case 'Tanh':
      return tf.tanh(x);
    case 'Softplus':
      return tf.softplus(x);
    default:
      return unsupported(ctx, `fused activation '${name}' is not supported`);
  }
}

/** Activation ops that can also appear stand-alone as a node. */
export const ACTIVATION_OPS = [
  'Relu',
  'Relu6',
  'Elu',
  'Selu',
  'LeakyRelu',
  'Prelu',
  'Sigmoid',
  'Tanh',
  'Softplus',
];
