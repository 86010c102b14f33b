import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import type { TargetCandidate } from '../inspect/model-info.js';
import { layersCamHead } from './cam-head.js';
import { type ExplainableModel, softmaxRow } from './explainable-model.js';
import { isContainer, type LayerLike, leafLayers, runGraph } from './graph-runner.js';
import { layersSplit } from './split-model.js';
import { lastSpatial, outputRank, resolveTargetLayer } from './target-layer.js';

interface SymbolicLike {
  sourceLayer: LayerLike & { outputs?: SymbolicLike[] };
}

/** The leaf layer producing the model output (descending into a nested model used last). */
function outputLayer(model: LayersModel): LayerLike {
  let layer = (model.outputs[0] as unknown as SymbolicLike).sourceLayer;
  while (isContainer(layer)) layer = (layer.outputs[0] as unknown as SymbolicLike).sourceLayer;
  return layer;
}

/**
 * A Layers model behind the explain seam: the layer-by-layer runner (`runGraph`) with the
 * output softmax stripped. Behaviour is camkit's Layers behaviour: a sigmoid output is scored
 * as is (one class per unit).
 */
export function layersExplainable(model: LayersModel): ExplainableModel {
  const name = model.name;
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new CamkitError(
      `model '${name}' has ${model.inputs.length} inputs and ${model.outputs.length} outputs; explain needs one of each`,
    );
  }
  const inputShape = model.inputs[0].shape;
  if (inputShape.length !== 4) {
    throw new CamkitError(
      `model '${name}' takes ${inputShape.length}-D input; explain needs images [N, H, W, C]`,
    );
  }
  const outShape = model.outputs[0].shape;
  const numClasses = outShape[outShape.length - 1];
  if (outShape.length !== 2 || numClasses == null) {
    throw new CamkitError(
      `model '${name}' output is [${outShape.join(', ')}]; explain needs class scores [N, classes]`,
    );
  }
  const candidates = (): TargetCandidate[] =>
    leafLayers(model)
      .filter((l) => outputRank(l) === 4)
      .map((l) => ({
        name: l.name,
        shape: l.outputShape as (number | null)[],
        params: (l as unknown as { countParams(): number }).countParams(),
        op: l.getClassName(),
      }));
  const out = outputLayer(model);
  const act = out.activation?.getClassName();
  const activation =
    act === 'softmax' || out.getClassName() === 'Softmax'
      ? 'softmax'
      : act === 'sigmoid'
        ? 'sigmoid'
        : 'none';
  return {
    format: 'layers-model',
    name,
    inputShape,
    describe() {
      const list = candidates();
      return {
        format: 'layers-model',
        name,
        input: {
          name: model.inputs[0].name.replace(/:0$/, ''),
          shape: inputShape,
          dtype: model.inputs[0].dtype,
          channels: inputShape[3] ?? null,
        },
        numClasses,
        score: { node: out.name, activation, preActivation: activation === 'softmax', binary: false },
        candidates: list,
        defaultTarget: (lastSpatial(list) ?? list.at(-1))?.name ?? null,
      };
    },
    candidates,
    resolveTarget: (layer) => resolveTargetLayer(model, layer),
    logits: (images, opts = {}) =>
      runGraph(model, [images], { linearOutput: true, ...opts }).outputs[0] as tf.Tensor2D,
    split: (layer) => layersSplit(model, layer),
    camHead: (layer) => layersCamHead(model, layer),
    probabilities: softmaxRow,
  };
}
