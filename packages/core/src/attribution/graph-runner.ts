import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { maxPoolFirst } from '../graph/ops/max-pool-first.js';

// tfjs-layers keeps the graph (inbound nodes, symbolic tensors) on internal fields that its
// public typings hide; these are the few we read.
interface SymbolicLike {
  id: number;
  sourceLayer: LayerLike;
}
interface NodeLike {
  id: number;
  inputTensors: SymbolicLike[];
  outputTensors: SymbolicLike[];
  callArgs?: Record<string, unknown>;
}
interface ActivationLike {
  apply(x: tf.Tensor): tf.Tensor;
  getClassName(): string;
}
/** The parts of a tfjs-layers `Layer` that the runner uses. */
export interface LayerLike {
  name: string;
  inboundNodes: NodeLike[];
  getClassName(): string;
  apply(inputs: tf.Tensor | tf.Tensor[], kwargs?: Record<string, unknown>): tf.Tensor | tf.Tensor[];
  activation?: ActivationLike | null;
  maxValue?: number | null;
  outputShape?: unknown;
}
// Conv2D / Dense fields read by the unfused path.
interface WeightedLayerLike extends LayerLike {
  kernel?: { read(): tf.Tensor };
  bias?: { read(): tf.Tensor } | null;
  strides?: [number, number];
  padding?: string;
  dataFormat?: string;
  dilationRate?: [number, number];
  poolSize?: [number, number];
}
interface ContainerLike extends LayerLike {
  layers: LayerLike[];
  inputs: SymbolicLike[];
  outputs: SymbolicLike[];
}

/** Options of one pass through a model graph. */
export interface RunOptions {
  /** Replace the output of the layer with this name (its first output) by `value`. */
  override?: { name: string; value: tf.Tensor };
  /** Return the (first) output of the layer with this name as `captured`. */
  capture?: string;
  /** Drop a softmax on the layer producing the model output, so the pass returns logits. */
  linearOutput?: boolean;
  /** Apply `guidedRelu` wherever the model applies a ReLU (fused conv/dense activations, ReLU layers). */
  guidedRelu?: (x: tf.Tensor) => tf.Tensor;
  /**
   * Run Conv2D and Dense as plain conv2d/matMul + bias + activation ops instead of tfjs's fused
   * ops. A fused op's gradient always computes the filter gradient too, and the wasm backend has
   * no Conv2DBackpropFilter kernel; the plain ops' gradients are pruned to what is asked for.
   * Non-overlapping MaxPooling2D uses `maxPoolFirst`, whose gradient is the same on every backend.
   */
  unfused?: boolean;
  /** Node outputs of an earlier pass; reused for every node that does not depend on `override`. */
  cache?: Map<string, tf.Tensor[]>;
  /** Filled with every node's outputs, for a later pass's `cache`. */
  record?: Map<string, tf.Tensor[]>;
}

export interface RunResult {
  outputs: tf.Tensor[];
  captured?: tf.Tensor;
}

/** True for a LayersModel (Sequential or functional) used as a layer. */
export function isContainer(layer: LayerLike): layer is ContainerLike {
  const c = layer as Partial<ContainerLike>;
  return Array.isArray(c.layers) && Array.isArray(c.inputs) && Array.isArray(c.outputs);
}

function isInputLayer(layer: LayerLike): boolean {
  return layer.getClassName() === 'InputLayer';
}

/** Every non-container layer in execution order, descending into nested models. */
export function leafLayers(model: LayersModel | LayerLike): LayerLike[] {
  const out: LayerLike[] = [];
  const visit = (container: ContainerLike): void => {
    for (const layer of container.layers) {
      if (isInputLayer(layer)) continue;
      if (isContainer(layer)) visit(layer);
      else out.push(layer);
    }
  };
  visit(model as unknown as ContainerLike);
  return out;
}

/** The layer with this name, searched depth-first through nested models (containers included). */
export function findLayerDeep(model: LayersModel | LayerLike, name: string): LayerLike | undefined {
  for (const layer of (model as unknown as ContainerLike).layers) {
    if (layer.name === name) return layer;
    if (isContainer(layer)) {
      const inner = findLayerDeep(layer, name);
      if (inner) return inner;
    }
  }
  return undefined;
}

function containsLayer(container: ContainerLike, name: string): boolean {
  return findLayerDeep(container, name) !== undefined;
}

// Stand-ins for a layer's activation. Their class names are not fusable, so tfjs-layers takes
// the unfused path and calls `apply`.
const LINEAR: ActivationLike = { apply: (x) => x, getClassName: () => 'camkitLinear' };

interface Value {
  tensor: tf.Tensor;
  dirty: boolean;
}

/**
 * Runs a Layers model layer by layer on concrete tensors, following its node graph and
 * descending into nested models. Unlike `tf.model({inputs, outputs: inner.output})`, this never
 * builds a new symbolic graph, so a target layer inside a nested base model (transfer learning)
 * cannot cause "Graph disconnected" (tf-keras-vis #63). Layers are shared, so are weights.
 */
export function runGraph(model: LayersModel, inputs: tf.Tensor[], opts: RunOptions = {}): RunResult {
  const state: { captured?: tf.Tensor } = {};
  const inputValues = inputs.map((tensor) => ({ tensor, dirty: false }));
  const outputs = runContainer(
    model as unknown as ContainerLike,
    inputValues,
    '',
    !!opts.linearOutput,
    opts,
    state,
  );
  return { outputs: outputs.map((v) => v.tensor), captured: state.captured };
}

function runContainer(
  container: ContainerLike,
  inputs: Value[],
  scope: string,
  linearOutput: boolean,
  opts: RunOptions,
  state: { captured?: tf.Tensor },
): Value[] {
  const values = new Map<number, Value>();
  container.inputs.forEach((s, i) => {
    values.set(s.id, inputs[i]);
  });
  const outputLayer = linearOutput ? container.outputs[0].sourceLayer : null;
  for (const layer of container.layers) {
    if (isInputLayer(layer)) continue;
    for (const node of layer.inboundNodes) {
      // A layer of a nested model has nodes in several graphs; run only the ones this graph feeds.
      if (!node.inputTensors.every((s) => values.has(s.id))) continue;
      if (node.outputTensors.every((s) => values.has(s.id))) continue;
      const ins = node.inputTensors.map((s) => values.get(s.id)!);
      const key = `${scope}/${node.id}`;
      let dirty = ins.some((v) => v.dirty);
      let outs: tf.Tensor[];
      const cached = opts.cache?.get(key);
      if (opts.override && opts.override.name === layer.name) {
        outs = [opts.override.value];
        dirty = true;
      } else if (
        !dirty &&
        cached &&
        !(opts.override && isContainer(layer) && containsLayer(layer, opts.override.name))
      ) {
        outs = cached;
      } else if (isContainer(layer)) {
        const inner = runContainer(layer, ins, key, layer === outputLayer, opts, state);
        dirty = dirty || inner.some((v) => v.dirty);
        outs = inner.map((v) => v.tensor);
      } else {
        outs = applyLayer(
          layer,
          ins.map((v) => v.tensor),
          node.callArgs,
          layer === outputLayer,
          opts.guidedRelu,
          !!opts.unfused,
        );
      }
      opts.record?.set(key, outs);
      if (opts.capture === layer.name) state.captured = outs[0];
      node.outputTensors.forEach((s, i) => {
        values.set(s.id, { tensor: outs[i], dirty });
      });
    }
  }
  return container.outputs.map((s) => values.get(s.id)!);
}

function applyLayer(
  layer: LayerLike,
  inputs: tf.Tensor[],
  callArgs: Record<string, unknown> | undefined,
  stripSoftmax: boolean,
  guidedRelu: ((x: tf.Tensor) => tf.Tensor) | undefined,
  unfused: boolean,
): tf.Tensor[] {
  const cls = layer.getClassName();
  const act = layer.activation?.getClassName();
  if (stripSoftmax && (cls === 'Softmax' || (cls === 'Activation' && act === 'softmax'))) return inputs;
  if (guidedRelu && cls === 'ReLU' && layer.maxValue == null) return [guidedRelu(inputs[0])];
  let swap: ActivationLike | null = null;
  if (stripSoftmax && act === 'softmax') swap = LINEAR;
  else if (guidedRelu && act === 'relu') swap = { apply: guidedRelu, getClassName: () => 'camkitGuidedRelu' };
  const saved = layer.activation;
  if (unfused) {
    const out = applyUnfused(layer as WeightedLayerLike, inputs, swap ?? layer.activation ?? null);
    if (out) return [out];
  }
  if (swap) layer.activation = swap;
  try {
    const out = layer.apply(inputs.length === 1 ? inputs[0] : inputs, { ...callArgs, training: false });
    return Array.isArray(out) ? out : [out];
  } finally {
    // The layer belongs to the caller's model: always put its activation back.
    if (swap) layer.activation = saved;
  }
}

/** Conv2D (channels-last) and Dense on a 2-D input as plain ops; null for any other layer. */
function applyUnfused(
  layer: WeightedLayerLike,
  inputs: tf.Tensor[],
  activation: ActivationLike | null,
): tf.Tensor | null {
  const cls = layer.getClassName();
  const x = inputs[0];
  if (inputs.length !== 1) return null;
  if (
    cls === 'MaxPooling2D' &&
    x.rank === 4 &&
    layer.padding === 'valid' &&
    layer.dataFormat !== 'channelsFirst' &&
    layer.poolSize?.[0] === layer.strides?.[0] &&
    layer.poolSize?.[1] === layer.strides?.[1]
  ) {
    return maxPoolFirst(x as tf.Tensor4D, layer.poolSize!);
  }
  if (!layer.kernel) return null;
  let y: tf.Tensor;
  if (cls === 'Conv2D' && x.rank === 4 && layer.dataFormat !== 'channelsFirst') {
    y = tf.conv2d(
      x as tf.Tensor4D,
      layer.kernel.read() as tf.Tensor4D,
      layer.strides ?? [1, 1],
      layer.padding === 'same' ? 'same' : 'valid',
      'NHWC',
      layer.dilationRate ?? [1, 1],
    );
  } else if (cls === 'Dense' && x.rank === 2) {
    y = tf.matMul(x as tf.Tensor2D, layer.kernel.read() as tf.Tensor2D);
  } else {
    return null;
  }
  if (layer.bias) y = tf.add(y, layer.bias.read());
  return activation ? activation.apply(y) : y;
}
