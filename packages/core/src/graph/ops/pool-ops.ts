import * as tf from '@tensorflow/tfjs-core';
import { avgPoolExact } from './avg-pool-exact.js';
import { hw, paddingOf, requireNhwc } from './conv-ops.js';
import { maxPoolWindows } from './max-pool-windows.js';
import { type OpFn, unsupported } from './op-context.js';

export const POOL_OPS: Record<string, OpFn> = {
  MaxPool: (ctx) => {
    requireNhwc(ctx);
    const x = ctx.inputs[0] as tf.Tensor4D;
    const size = hw(ctx, 'ksize');
    const strides = hw(ctx, 'strides');
    const pad = paddingOf(ctx);
    // Gradient passes: the first-max gradient, the same on every backend (as torch).
    if (ctx.unfused) return maxPoolWindows(x, size, strides, pad);
    if (Array.isArray(pad)) return maxPoolWindows(x, size, strides, pad);
    return tf.maxPool(x, size, strides, pad);
  },
  // tfjs's 'same' average excludes the padded cells from the count, as TF does (forward only).
  AvgPool: (ctx) => {
    requireNhwc(ctx);
    const pad = paddingOf(ctx);
    const x = ctx.inputs[0] as tf.Tensor4D;
    // Gradient passes: a window sum / cell count, whose gradient excludes padding as the forward does.
    if (ctx.unfused) return avgPoolExact(x, hw(ctx, 'ksize'), hw(ctx, 'strides'), pad);
    if (Array.isArray(pad)) return unsupported(ctx, 'explicit padding is not supported for pooling');
    return tf.avgPool(x, hw(ctx, 'ksize'), hw(ctx, 'strides'), pad);
  },
};
