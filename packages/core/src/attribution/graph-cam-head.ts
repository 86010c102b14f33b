import * as tf from '@tensorflow/tfjs-core';
import type { GraphNode } from '../graph/graph-def.js';
import type { GraphProgram } from '../graph/graph-program.js';

/** A graph's CAM head: where it reads the feature map and how to get its class weights. */
export type GraphHead =
  | {
      kind: 'gap-dense' | 'class-conv-gap';
      feature: string;
      weights: (binary: boolean, classes: number) => tf.Tensor2D;
    }
  | { kind: 'other'; reason: string };

const SKIP = new Set(['Identity', 'Snapshot']);
const FLATTEN = new Set(['Identity', 'Snapshot', 'Reshape', 'Squeeze']);

/**
 * Finds the CAM head in a graph by following the score node back: a `Mean` over H, W then a
 * `MatMul` (or `_FusedMatMul` with only a BiasAdd; a separate BiasAdd/Add of a Const also
 * counts) = GAP + Dense; or the score is the `Mean` itself over a conv with one channel per
 * class. Reshape/Squeeze (flatten of [N, 1, 1, K]) and Identity are looked through.
 */
export function graphHead(program: GraphProgram): GraphHead {
  const { nodes, model } = program;
  const back = (node: GraphNode, skip: Set<string>): GraphNode => {
    let n = node;
    while (skip.has(n.op) && nodes.has(n.inputs[0]?.node)) n = nodes.get(n.inputs[0].node)!;
    return n;
  };
  const input = (node: GraphNode, i: number) => nodes.get(node.inputs[i]?.node ?? '');
  const constValue = (node: GraphNode | undefined) =>
    node && node.op === 'Const' ? (model.weights[node.name]?.[0] ?? null) : null;
  const isSpatialMean = (node: GraphNode) => {
    if (node.op !== 'Mean') return false;
    const axes = constValue(input(node, 1));
    if (!axes) return false;
    const a = Array.from(axes.dataSync() as ArrayLike<number>).sort();
    return a.length === 2 && a[0] === 1 && a[1] === 2;
  };
  const score = back(program.scoreNode, SKIP);
  const why = `this graph's score is '${score.name}' (op ${score.op})`;

  if (isSpatialMean(score)) {
    const feature = back(input(score, 0)!, SKIP);
    return {
      kind: 'class-conv-gap',
      feature: feature.name,
      weights: (binary, classes) => (binary ? tf.tensor2d([[-1, 1]]) : (tf.eye(classes) as tf.Tensor2D)),
    };
  }
  let mm = score;
  if (['BiasAdd', 'Add', 'AddV2'].includes(score.op)) {
    const [a, b] = [input(score, 0), input(score, 1)];
    if (a && b && (a.op === 'Const' || b.op === 'Const')) {
      mm = back(a.op === 'Const' ? b : a, SKIP);
    }
  }
  const fusedOk = mm.op === '_FusedMatMul' && mm.attrs.strs('fused_ops').every((f) => f === 'BiasAdd');
  if (!(mm.op === 'MatMul' || fusedOk) || mm.attrs.bool('transpose_a')) {
    return { kind: 'other', reason: `${why}, not a MatMul after a spatial Mean` };
  }
  const w = constValue(input(mm, 1));
  if (w?.rank !== 2) return { kind: 'other', reason: `${why}: its MatMul weight is not a constant matrix` };
  const pooled = back(input(mm, 0)!, FLATTEN);
  if (!isSpatialMean(pooled)) {
    return {
      kind: 'other',
      reason: `${why}: its MatMul reads '${pooled.name}' (op ${pooled.op}), not a Mean over H, W`,
    };
  }
  const feature = back(input(pooled, 0)!, SKIP);
  const transpose = mm.attrs.bool('transpose_b');
  return {
    kind: 'gap-dense',
    feature: feature.name,
    weights: (binary) => {
      const k = (transpose ? tf.transpose(w) : w) as tf.Tensor2D;
      return binary ? (tf.concat([tf.neg(k), k], 1) as tf.Tensor2D) : k;
    },
  };
}
