// tfjs-layers (a peer of core) registers tfjs-core's op gradients, which tfjs-core's own Node
// bundle does not: without it, tf.grads through a graph loaded with only tfjs-converter fails.
import '@tensorflow/tfjs-layers';
import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { RunOptions, RunResult } from '../attribution/graph-runner.js';
import { CamkitError } from '../errors.js';
import { oneLine } from '../io/model-from-artifacts.js';
import { checkGraphOps } from './check-graph.js';
import {
  executionOrder,
  type GraphNode,
  type GraphTopology,
  parseGraphNodes,
  parseTensorName,
} from './graph-def.js';
import { GRAPH_OPS, type OpContext } from './ops/index.js';

/** The activation on a graph's output that camkit strips to get the score (pre-activation). */
export type ScoreActivation = 'softmax' | 'sigmoid' | 'none';

/**
 * A GraphModel prepared for camkit's own interpreter: its nodes parsed from the topology, run
 * through tfjs-core ops (so `tf.grads` sees every op), with the Const values taken from the
 * model's own (dequantized) weights.
 */
export interface GraphProgram {
  model: GraphModel;
  /** A name for messages (the input node's name when the graph carries no better one). */
  name: string;
  nodes: Map<string, GraphNode>;
  /** The image input (the one Placeholder the output needs). */
  inputNode: GraphNode;
  /** Its declared shape, -1 for free dims (NHWC for images). */
  inputShape: number[];
  inputDtype: string;
  /** Output nodes of the model, as the GraphModel lists them. */
  outputNodes: string[];
  /** The node producing the output (Identity nodes followed back). */
  outputNode: GraphNode;
  /** The pre-activation score node: the input of the final Softmax/Sigmoid, else the output. */
  scoreNode: GraphNode;
  activation: ScoreActivation;
  /** Nodes the score depends on, in execution order. */
  scoreOrder: GraphNode[];
  /** One pass (see RunOptions; `linearOutput` returns the score node's value). */
  run(input: tf.Tensor, opts?: RunOptions): RunResult;
}

const PASS_THROUGH = new Set(['Identity', 'Snapshot']);
const programs = new WeakMap<GraphModel, GraphProgram>();

interface WithArtifacts {
  artifacts?: { modelTopology?: unknown };
}

/** The interpreter for `model`, built once per model. Throws a CamkitError for graphs it cannot run. */
export function graphProgram(model: GraphModel): GraphProgram {
  const known = programs.get(model);
  if (known) return known;
  // GraphModel keeps the parsed JSON topology on a field its typings mark private.
  const topology = (model as unknown as WithArtifacts).artifacts?.modelTopology as GraphTopology | undefined;
  const label = 'graph model';
  if (!topology || !Array.isArray(topology.node)) {
    throw new CamkitError(
      `${label}: its topology is not available (load it with loadModel or tf.loadGraphModel)`,
    );
  }
  checkGraphOps(topology, label);
  const nodes = parseGraphNodes(topology);
  const outputNodes = model.outputNodes;
  // With a signature, GraphModel lists its keys (e.g. 'activation_6'); the node is in the signature.
  const signature = model.modelSignature as {
    inputs?: Record<string, { name?: string }>;
    outputs?: Record<string, { name?: string }>;
  } | null;
  const nodeOf = (key: string, side: 'inputs' | 'outputs') =>
    parseTensorName(nodes.has(parseTensorName(key).node) ? key : (signature?.[side]?.[key]?.name ?? key));
  const outputRef = nodeOf(outputNodes[0] ?? '', 'outputs');
  const output = nodes.get(outputRef.node);
  if (!output) throw new CamkitError(`${label}: output node '${outputNodes[0]}' is not in the graph`);
  let end = output;
  while (PASS_THROUGH.has(end.op) && nodes.has(end.inputs[0]?.node)) end = nodes.get(end.inputs[0].node)!;
  let activation: ScoreActivation = 'none';
  let score = end;
  if ((end.op === 'Softmax' || end.op === 'Sigmoid') && nodes.has(end.inputs[0]?.node)) {
    activation = end.op === 'Softmax' ? 'softmax' : 'sigmoid';
    score = nodes.get(end.inputs[0].node)!;
  }
  let outputOrder: GraphNode[];
  let scoreOrder: GraphNode[];
  try {
    outputOrder = executionOrder(nodes, [output.name]);
    scoreOrder = executionOrder(nodes, [score.name]);
  } catch (e) {
    throw new CamkitError(`${label}: ${oneLine(e)}`);
  }
  const placeholders = outputOrder.filter((n) => n.op === 'Placeholder');
  if (placeholders.length !== 1) {
    throw new CamkitError(
      `${label}: the output needs ${placeholders.length} inputs (${placeholders.map((p) => p.name).join(', ')}); explain needs one image input`,
    );
  }
  const inputNode = placeholders[0];
  const declared = model.inputs.find((i) => nodeOf(i.name, 'inputs').node === inputNode.name);
  const inputShape = declared?.shape ?? inputNode.attrs.shape('shape') ?? [];
  const weights = model.weights;
  const hostValues = new WeakMap<tf.Tensor, number[]>();
  const hostOf = (t: tf.Tensor): number[] => {
    let v = hostValues.get(t);
    if (!v) {
      v = Array.from(t.dataSync() as ArrayLike<number>);
      hostValues.set(t, v);
    }
    return v;
  };

  const run = (input: tf.Tensor, opts: RunOptions = {}): RunResult => {
    const order = opts.linearOutput ? scoreOrder : outputOrder;
    const last = opts.linearOutput ? score : output;
    const values = new Map<string, { tensors: tf.Tensor[]; dirty: boolean }>();
    let captured: tf.Tensor | undefined;
    for (const node of order) {
      let outs: tf.Tensor[];
      let dirty = false;
      if (opts.override && opts.override.name === node.name) {
        outs = [opts.override.value];
        dirty = true;
      } else if (node.op === 'Const') {
        const w = weights[node.name];
        if (!w) throw new CamkitError(`${label}: Const node '${node.name}' has no weight in the model`);
        outs = w;
      } else if (node.op === 'Placeholder') {
        outs = [input];
      } else {
        const ins = node.inputs.map((ref) => {
          const v = values.get(ref.node)!;
          const t = v.tensors[ref.index];
          if (!t)
            throw new CamkitError(
              `${label}: node '${node.name}' reads output ${ref.index} of '${ref.node}', which has none`,
            );
          return { t, dirty: v.dirty };
        });
        dirty = ins.some((v) => v.dirty);
        const cached = dirty ? undefined : opts.cache?.get(node.name);
        if (cached) {
          outs = cached;
        } else {
          const inputs = ins.map((v) => v.t);
          const ctx: OpContext = {
            node,
            inputs,
            values: (i) => hostOf(inputs[i]),
            guidedRelu: opts.guidedRelu,
            unfused: !!opts.unfused,
          };
          try {
            const out = GRAPH_OPS[node.op](ctx);
            outs = Array.isArray(out) ? out : [out];
          } catch (e) {
            if (e instanceof CamkitError) throw e;
            throw new CamkitError(`${label}: node '${node.name}' (op ${node.op}) failed: ${oneLine(e)}`);
          }
        }
        opts.record?.set(node.name, outs);
      }
      if (opts.capture === node.name) captured = outs[0];
      values.set(node.name, { tensors: outs, dirty });
    }
    return { outputs: [values.get(last.name)!.tensors[0]], captured };
  };

  const program: GraphProgram = {
    model,
    name: inputNode.name,
    nodes,
    inputNode,
    inputShape,
    inputDtype: declared?.dtype ?? inputNode.attrs.dtype('dtype') ?? 'float32',
    outputNodes,
    outputNode: end,
    scoreNode: score,
    activation,
    scoreOrder,
    run,
  };
  programs.set(model, program);
  return program;
}

/** Output shapes of every node the score needs, from one pass on a zero image `[1, ...shape]`. */
export function nodeShapes(program: GraphProgram, inputShape: number[]): Map<string, number[]> {
  const record = new Map<string, tf.Tensor[]>();
  const shapes = new Map<string, number[]>();
  tf.tidy(() => {
    program.run(tf.zeros([1, ...inputShape], program.inputDtype === 'int32' ? 'int32' : 'float32'), {
      linearOutput: true,
      record,
    });
    for (const [name, ts] of record) shapes.set(name, ts[0].shape);
  });
  return shapes;
}
