import type * as tf from '@tensorflow/tfjs-core';
import type { GraphNode } from '../graph-def.js';

/** What an op implementation gets: its node, its input values and the pass options it honours. */
export interface OpContext {
  node: GraphNode;
  inputs: tf.Tensor[];
  /** Host values of input `i` (shapes, axes, paddings): read once per constant, synchronously otherwise. */
  values(i: number): number[];
  /** Replaces every ReLU the op applies (stand-alone or fused), for guided backpropagation. */
  guidedRelu?: (x: tf.Tensor) => tf.Tensor;
  /** Prefer ops whose gradient is the same on every backend (first-max MaxPool). */
  unfused: boolean;
}

/** One GraphDef op run through tfjs-core ops (differentiable wherever tfjs-core's op is). */
export type OpFn = (ctx: OpContext) => tf.Tensor | tf.Tensor[];

/** Thrown for a node the interpreter cannot run as configured (e.g. NCHW); the caller names the file. */
export class UnsupportedNodeError extends Error {}

export function unsupported(ctx: OpContext, why: string): never {
  throw new UnsupportedNodeError(`node '${ctx.node.name}' (op ${ctx.node.op}): ${why}`);
}
