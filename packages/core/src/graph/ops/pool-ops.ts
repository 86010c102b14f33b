import * as tf from '@tensorflow/tfjs-core';
import { maxPoolFirst } from '../../attribution/max-pool-first.js';
import { hw, paddingOf, requireNhwc } from './conv-ops.js';
import { type OpFn, unsupported } from './op-context.js';

export const POOL_OPS: Record<string, OpFn> = {
  MaxPool: (ctx) => {
    requireNhwc(ctx);
    const x = ctx.inputs[0] as tf.Tensor4D;
    const size = hw(ctx, 'ksize');
    const strides = hw(ctx, 'strides');
    const pad = paddingOf(ctx);
    // Non-overlapping VALID windows: the first-max gradient, the same on every backend (as torch).
    if (ctx.unfused && pad === 'valid' && size[0] === strides[0] && size[1] === strides[1]) {
      return maxPoolFirst(x, size);
    }
    if (Array.isArray(pad)) return unsupported(ctx, 'explicit padding is not supported for pooling');
    return tf.maxPool(x, size, strides, pad);
  },
  // tfjs's 'same' average excludes the padded cells from the count, as TF does.
  AvgPool: (ctx) => {
    requireNhwc(ctx);
    const pad = paddingOf(ctx);
    if (Array.isArray(pad)) return unsupported(ctx, 'explicit padding is not supported for pooling');
    return tf.avgPool(ctx.inputs[0] as tf.Tensor4D, hw(ctx, 'ksize'), hw(ctx, 'strides'), pad);
  },
};
