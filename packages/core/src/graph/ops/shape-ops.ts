import * as tf from '@tensorflow/tfjs-core';
import { type OpFn, unsupported } from './op-context.js';

/** [before, after] pairs of a `[rank, 2]` paddings tensor. */
function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

function castTo(dtype: 'float32' | 'int32' | 'bool' | null): 'float32' | 'int32' | 'bool' {
  return dtype ?? 'float32';
}

/**
 * `x[begin:end]` for unit strides without ellipsis/new axes, as `tf.slice` (differentiable) plus a
 * reshape dropping the shrunk axes; null for anything else. Index rules are TF's: masked begins
 * and ends take the full range, negatives count from the end, bounds are clamped.
 */
function unitStridedSlice(
  x: tf.Tensor,
  begin: number[],
  end: number[],
  strides: number[],
  beginMask: number,
  endMask: number,
  ellipsisMask: number,
  newAxisMask: number,
  shrinkMask: number,
): tf.Tensor | null {
  if (ellipsisMask !== 0 || newAxisMask !== 0 || strides.some((st) => st !== 1) || begin.length > x.rank)
    return null;
  const starts: number[] = [];
  const sizes: number[] = [];
  const shape: number[] = [];
  for (let d = 0; d < x.rank; d++) {
    const dim = x.shape[d];
    if (d >= begin.length) {
      starts.push(0);
      sizes.push(dim);
      shape.push(dim);
      continue;
    }
    const norm = (i: number) => Math.min(Math.max(i < 0 ? i + dim : i, 0), dim);
    const b = beginMask & (1 << d) ? 0 : norm(begin[d]);
    if (shrinkMask & (1 << d)) {
      starts.push(b);
      sizes.push(1);
      continue;
    }
    const e = endMask & (1 << d) ? dim : norm(end[d]);
    starts.push(b);
    sizes.push(Math.max(e - b, 0));
    shape.push(Math.max(e - b, 0));
  }
  return tf.reshape(tf.slice(x, starts, sizes), shape);
}

export const SHAPE_OPS: Record<string, OpFn> = {
  Identity: (ctx) => ctx.inputs[0],
  Snapshot: (ctx) => ctx.inputs[0],
  Reshape: (ctx) => tf.reshape(ctx.inputs[0], ctx.values(1)),
  Squeeze: (ctx) => {
    const dims = ctx.node.attrs.ints('squeeze_dims');
    const axis = dims.length > 0 ? dims : ctx.node.attrs.ints('axis');
    return tf.squeeze(ctx.inputs[0], axis.length > 0 ? axis : undefined);
  },
  ExpandDims: (ctx) => tf.expandDims(ctx.inputs[0], ctx.values(1)[0]),
  Transpose: (ctx) => tf.transpose(ctx.inputs[0], ctx.values(1)),
  Shape: (ctx) => tf.tensor1d(ctx.inputs[0].shape, 'int32'),
  Size: (ctx) => tf.scalar(ctx.inputs[0].size, 'int32'),
  Rank: (ctx) => tf.scalar(ctx.inputs[0].rank, 'int32'),
  Cast: (ctx) => tf.cast(ctx.inputs[0], castTo(ctx.node.attrs.dtype('DstT'))),
  Pack: (ctx) => tf.stack(ctx.inputs, ctx.node.attrs.int('axis')),
  ConcatV2: (ctx) => {
    const n = ctx.inputs.length - 1;
    return tf.concat(ctx.inputs.slice(0, n), ctx.values(n)[0]);
  },
  Slice: (ctx) => tf.slice(ctx.inputs[0], ctx.values(1), ctx.values(2)),
  StridedSlice: (ctx) => {
    const a = ctx.node.attrs;
    const args = [
      ctx.inputs[0],
      ctx.values(1),
      ctx.values(2),
      ctx.values(3),
      a.int('begin_mask'),
      a.int('end_mask'),
      a.int('ellipsis_mask'),
      a.int('new_axis_mask'),
      a.int('shrink_axis_mask'),
    ] as const;
    // tfjs has no StridedSlice gradient: unit strides (the common case) go through slice + reshape.
    return unitStridedSlice(...args) ?? tf.stridedSlice(...args);
  },
  Tile: (ctx) => tf.tile(ctx.inputs[0], ctx.values(1)),
  Pad: (ctx) => tf.pad(ctx.inputs[0], pairs(ctx.values(1))),
  PadV2: (ctx) => tf.pad(ctx.inputs[0], pairs(ctx.values(1)), ctx.values(2)[0]),
  MirrorPad: (ctx) => {
    const mode = ctx.node.attrs.str('mode', 'REFLECT');
    if (mode !== 'REFLECT' && mode !== 'SYMMETRIC') return unsupported(ctx, `mode ${mode}`);
    return tf.mirrorPad(ctx.inputs[0], pairs(ctx.values(1)), mode === 'REFLECT' ? 'reflect' : 'symmetric');
  },
  ResizeBilinear: (ctx) =>
    tf.image.resizeBilinear(
      ctx.inputs[0] as tf.Tensor4D,
      ctx.values(1) as [number, number],
      ctx.node.attrs.bool('align_corners'),
      ctx.node.attrs.bool('half_pixel_centers'),
    ),
  ResizeNearestNeighbor: (ctx) =>
    tf.image.resizeNearestNeighbor(
      ctx.inputs[0] as tf.Tensor4D,
      ctx.values(1) as [number, number],
      ctx.node.attrs.bool('align_corners'),
      ctx.node.attrs.bool('half_pixel_centers'),
    ),
};
