import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { AnyModel, ScorePassOptions } from './explainable-model.js';
import { explainable } from './explainable.js';
import { runGraph } from './graph-runner.js';

/** One forward pass, kept so that `head` can recompute only what depends on the target layer. */
export interface SplitForward {
  images: tf.Tensor4D;
  /** Target-layer output `[N, h, w, K]`. */
  features: tf.Tensor4D;
  /** Pre-softmax logits `[N, classes]`. */
  logits: tf.Tensor2D;
  /** Every node's outputs (tensors owned by the caller's tidy scope). */
  cache: Map<string, tf.Tensor[]>;
}

/** A model cut at a layer: feature extractor + head that re-applies the later layers (shared weights). */
export interface ModelSplit {
  layer: string;
  /** The forward pass, recorded; `opts` as for a score pass (a guided pass records the same values). */
  forward(images: tf.Tensor4D, opts?: ScorePassOptions): SplitForward;
  /** Logits for replaced target-layer features; layers not downstream of the target come from `from.cache`. */
  head(features: tf.Tensor4D, from: SplitForward): tf.Tensor2D;
}

/**
 * Splits `model` at `layer`: a Layers model at a layer name (which may sit inside a nested
 * model), a graph model at a node name as in model.json. No new model is built, so nested base
 * models and skip connections are handled (see `runGraph` and the graph interpreter).
 */
export function splitModel(model: AnyModel, layer: string): ModelSplit {
  return explainable(model).split(layer);
}

/** The Layers implementation of {@link splitModel}. */
export function layersSplit(model: LayersModel, layer: string): ModelSplit {
  return {
    layer,
    forward(images, opts = {}) {
      const cache = new Map<string, tf.Tensor[]>();
      const run = runGraph(model, [images], {
        capture: layer,
        linearOutput: true,
        record: cache,
        ...opts,
      });
      if (run.captured?.rank !== 4) {
        // resolveTargetLayer checked the static shape; this guards models whose graph skips the layer.
        throw new Error(`layer '${layer}' produced no 4-D output in the forward pass`);
      }
      return { images, features: run.captured as tf.Tensor4D, logits: run.outputs[0] as tf.Tensor2D, cache };
    },
    head(features, from) {
      return runGraph(model, [from.images], {
        override: { name: layer, value: features },
        linearOutput: true,
        cache: from.cache,
        unfused: true,
      }).outputs[0] as tf.Tensor2D;
    },
  };
}
