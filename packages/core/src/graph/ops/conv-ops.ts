import * as tf from '@tensorflow/tfjs-core';
import { applyActivation } from './activation.js';
import { depthwiseConvInputGrad, hasDepthwiseInputGradKernel } from './depthwise-conv.js';
import { type OpContext, type OpFn, unsupported } from './op-context.js';

type Padding = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

/** TF's `padding` attr. tfjs's 'same' is TF's SAME (extra row/column at the bottom/right). */
export function paddingOf(ctx: OpContext): Padding {
  const p = ctx.node.attrs.str('padding', 'VALID');
  if (p === 'SAME') return 'same';
  if (p === 'VALID') return 'valid';
  if (p === 'EXPLICIT') {
    const e = ctx.node.attrs.ints('explicit_paddings');
    return [
      [e[0] ?? 0, e[1] ?? 0],
      [e[2] ?? 0, e[3] ?? 0],
      [e[4] ?? 0, e[5] ?? 0],
      [e[6] ?? 0, e[7] ?? 0],
    ];
  }
  return unsupported(ctx, `padding '${p}' is not supported`);
}

/** [h, w] of a 4-entry NHWC attr (strides, dilations, ksize); 1s when absent. */
export function hw(ctx: OpContext, name: string): [number, number] {
  const v = ctx.node.attrs.ints(name);
  if (v.length === 0) return [1, 1];
  return [v[1], v[2]];
}

export function requireNhwc(ctx: OpContext): void {
  const format = ctx.node.attrs.str('data_format', 'NHWC');
  if (format !== 'NHWC') unsupported(ctx, `data_format ${format} is not supported (NHWC only)`);
}

/**
 * The ops fused into `_FusedConv2D` / `FusedDepthwiseConv2dNative` / `_FusedMatMul`, applied as
 * separate ops so each one's gradient is the plain op's (and ReLU can be guided).
 */
function applyFused(ctx: OpContext, y: tf.Tensor, args: tf.Tensor[]): tf.Tensor {
  const fused = ctx.node.attrs.strs('fused_ops');
  let at = 0;
  let out = y;
  for (const op of fused) {
    if (op === 'BiasAdd') {
      out = tf.add(out, args[at++]);
    } else if (op === 'FusedBatchNorm') {
      const [scale, offset, mean, variance] = args.slice(at, at + 4);
      at += 4;
      out = tf.batchNorm(out, mean, variance, offset, scale, ctx.node.attrs.float('epsilon', 1e-3));
    } else if (op === 'Prelu') {
      out = applyActivation(ctx, op, out, args[at++]);
    } else {
      out = applyActivation(ctx, op, out);
    }
  }
  return out;
}

/** `op(x, filter)` with the node's strides, padding and dilations, NHWC. */
function nhwcConv(
  ctx: OpContext,
  op: (
    x: tf.Tensor4D,
    filter: tf.Tensor4D,
    strides: [number, number],
    pad: Padding,
    dataFormat: 'NHWC',
    dilations: [number, number],
  ) => tf.Tensor4D,
): tf.Tensor4D {
  const [x, filter] = ctx.inputs;
  return op(
    x as tf.Tensor4D,
    filter as tf.Tensor4D,
    hw(ctx, 'strides'),
    paddingOf(ctx),
    'NHWC',
    hw(ctx, 'dilations'),
  );
}

const conv2d: OpFn = (ctx) => {
  requireNhwc(ctx);
  return nhwcConv(ctx, tf.conv2d);
};

const depthwise: OpFn = (ctx) => {
  requireNhwc(ctx);
  const [x, filter] = ctx.inputs;
  const dilations = hw(ctx, 'dilations');
  // Gradient passes on a backend without the depthwise input-gradient kernel (stock wasm).
  if (ctx.unfused && dilations[0] === 1 && dilations[1] === 1 && !hasDepthwiseInputGradKernel()) {
    return depthwiseConvInputGrad(
      x as tf.Tensor4D,
      filter as tf.Tensor4D,
      hw(ctx, 'strides'),
      paddingOf(ctx),
    );
  }
  return nhwcConv(ctx, tf.depthwiseConv2d);
};

const matMul: OpFn = (ctx) => {
  const [a, b] = ctx.inputs;
  return tf.matMul(a, b, ctx.node.attrs.bool('transpose_a'), ctx.node.attrs.bool('transpose_b'));
};

const fusedWith =
  (base: OpFn): OpFn =>
  (ctx) =>
    applyFused(ctx, base(ctx) as tf.Tensor, ctx.inputs.slice(2));

export const CONV_OPS: Record<string, OpFn> = {
  Conv2D: conv2d,
  _FusedConv2D: fusedWith(conv2d),
  DepthwiseConv2dNative: depthwise,
  FusedDepthwiseConv2dNative: fusedWith(depthwise),
  MatMul: matMul,
  BatchMatMul: matMul,
  BatchMatMulV2: (ctx) => {
    const [a, b] = ctx.inputs;
    return tf.matMul(a, b, ctx.node.attrs.bool('adj_x'), ctx.node.attrs.bool('adj_y'));
  },
  _FusedMatMul: fusedWith(matMul),
  BiasAdd: (ctx) => {
    requireNhwc(ctx);
    return tf.add(ctx.inputs[0], ctx.inputs[1]);
  },
  FusedBatchNorm: batchNorm,
  FusedBatchNormV2: batchNorm,
  FusedBatchNormV3: batchNorm,
};

function batchNorm(ctx: OpContext): tf.Tensor {
  requireNhwc(ctx);
  const [x, scale, offset, mean, variance] = ctx.inputs;
  return tf.batchNorm(x, mean, variance, offset, scale, ctx.node.attrs.float('epsilon', 1e-3));
}
