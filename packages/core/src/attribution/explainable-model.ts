import type * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { ModelInfo, TargetCandidate } from '../inspect/model-info.js';
import type { ModelSplit } from './split-model.js';

/** Options of a score pass (see `RunOptions` of the Layers runner). */
export interface ScorePassOptions {
  /** Backpropagate every ReLU by the guided rule. */
  guidedRelu?: (x: tf.Tensor) => tf.Tensor;
  /** Use the plain ops whose gradients are pruned and backend-independent (gradient passes). */
  unfused?: boolean;
}

/** The cam head of a model at a target: class weights, or why there are none. */
export type CamHead =
  | { ok: true; kind: 'gap-dense' | 'class-conv-gap'; weights: () => tf.Tensor2D }
  | { ok: false; reason: string };

/**
 * The one seam between explain() and a model format: everything explain needs, for a Layers
 * model and for a graph model. Tensors returned are created in the caller's tidy scope.
 */
export interface ExplainableModel {
  format: 'layers-model' | 'graph-model';
  name: string;
  /** Declared input shape `[N, H, W, C]`, null for free dims. */
  inputShape: (number | null)[];
  /** What the model scores at this input size (classes, score node, candidates, default target). */
  describe(size: [number, number] | null): Omit<ModelInfo, 'head'>;
  /** Candidate targets at this size (also in `describe`). */
  candidates(size: [number, number] | null): TargetCandidate[];
  /** A user-given target checked (CamkitError listing candidates), or the default one. */
  resolveTarget(layer: string | undefined, size: [number, number] | null): string;
  /** Pre-activation scores `[N, classes]` (binary: `[-z, z]`). */
  logits(images: tf.Tensor4D, opts?: ScorePassOptions): tf.Tensor2D;
  /** The model cut at a target layer/node. */
  split(layer: string): ModelSplit;
  /** CAM class weights `[K, classes]` at `layer`, or why method 'cam' does not apply. */
  camHead(layer: string, size: [number, number] | null): CamHead;
  /** Class probabilities from `logits` rows (softmax, or [1 − p, p] for binary). */
  probabilities(logits: Float32Array): Float32Array;
}

/** A model explain accepts. */
export type AnyModel = LayersModel | GraphModel;

/** Softmax of one row (stable). */
export function softmaxRow(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const exp = Float32Array.from(logits, (v) => Math.exp(v - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}
