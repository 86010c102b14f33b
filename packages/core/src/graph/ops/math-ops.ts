import * as tf from '@tensorflow/tfjs-core';
import { ACTIVATION_OPS, applyActivation } from './activation.js';
import type { OpContext, OpFn } from './op-context.js';

const binary =
  (f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): OpFn =>
  (ctx) =>
    f(ctx.inputs[0], ctx.inputs[1]);

const unary =
  (f: (x: tf.Tensor) => tf.Tensor): OpFn =>
  (ctx) =>
    f(ctx.inputs[0]);

/** Axis input (input 1) of a reduction, as a list. */
function axes(ctx: OpContext): number[] {
  return ctx.values(1);
}

const reduce =
  (f: (x: tf.Tensor, axis: number[], keepDims: boolean) => tf.Tensor): OpFn =>
  (ctx) =>
    f(ctx.inputs[0], axes(ctx), ctx.node.attrs.bool('keep_dims'));

const activations: Record<string, OpFn> = {};
for (const name of ACTIVATION_OPS) {
  activations[name] = (ctx) => applyActivation(ctx, name, ctx.inputs[0], ctx.inputs[1]);
}

export const MATH_OPS: Record<string, OpFn> = {
  ...activations,
  Add: binary(tf.add),
  AddV2: binary(tf.add),
  AddN: (ctx) => tf.addN(ctx.inputs),
  Sub: binary(tf.sub),
  Mul: binary(tf.mul),
  RealDiv: binary(tf.div),
  Div: binary(tf.div),
  DivNoNan: binary(tf.divNoNan),
  FloorDiv: binary(tf.floorDiv),
  Maximum: binary(tf.maximum),
  Minimum: binary(tf.minimum),
  Pow: binary(tf.pow),
  SquaredDifference: binary(tf.squaredDifference),
  Rsqrt: unary(tf.rsqrt),
  Sqrt: unary(tf.sqrt),
  Square: unary(tf.square),
  Neg: unary(tf.neg),
  Exp: unary(tf.exp),
  Log: unary(tf.log),
  Abs: unary(tf.abs),
  Reciprocal: unary(tf.reciprocal),
  Softmax: unary((x) => tf.softmax(x)),
  LogSoftmax: unary((x) => tf.logSoftmax(x)),
  Mean: reduce(tf.mean),
  Sum: reduce(tf.sum),
  Max: reduce(tf.max),
  Min: reduce(tf.min),
  Prod: reduce(tf.prod),
};
