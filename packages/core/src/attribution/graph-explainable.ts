import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { CamkitError } from '../errors.js';
import { type GraphProgram, graphProgram, nodeShapes } from '../graph/graph-program.js';
import type { ModelInfo, TargetCandidate } from '../inspect/model-info.js';
import type { ExplainableModel } from './explainable-model.js';
import { softmaxRow } from './explainable-model.js';
import { graphHead } from './graph-cam-head.js';
import { lastSpatial } from './target-layer.js';
import type { ModelSplit } from './split-model.js';

/** Input size used for shapes when the graph's H or W is free and no image size is known. */
export const DEFAULT_FREE_SIZE = 224;
/** How many candidate nodes an error message lists. */
const LISTED = 8;

interface Described {
  info: Omit<ModelInfo, 'head'>;
  shapes: Map<string, number[]>;
}

/**
 * A graph model behind the explain seam, run by camkit's interpreter (`graphProgram`).
 *
 * - Score: the input of the final Softmax/Sigmoid node. One sigmoid output is a binary
 *   classifier with two classes (pytorch-grad-cam's BinaryClassifierOutputTarget): class 1 scores
 *   the logit z, class 0 scores −z; probabilities are [1 − p, p].
 * - Candidate targets: the nodes on the path to the score whose output is 4-D (no Const nodes),
 *   in execution order. Default: the last of them whose spatial size h·w is > 1.
 */
export function graphExplainable(model: GraphModel): ExplainableModel {
  const program = graphProgram(model);
  const declared = program.inputShape.map((d) => (d == null || d < 0 ? null : d));
  if (declared.length !== 4) {
    throw new CamkitError(
      `graph model input '${program.inputNode.name}' is [${declared.map((d) => d ?? -1).join(', ')}]; explain needs images [N, H, W, C]`,
    );
  }
  const name = program.inputNode.name;
  if (program.outputNodes.length !== 1) {
    throw new CamkitError(
      `graph model '${name}' has ${program.outputNodes.length} outputs (${program.outputNodes.join(', ')}); explain needs one`,
    );
  }
  const memo = new Map<string, Described>();
  // The score width does not depend on the input size: known after the first describe.
  let binary: boolean | undefined;

  const sizeOf = (size: [number, number] | null): [number, number] => [
    size?.[0] ?? declared[1] ?? DEFAULT_FREE_SIZE,
    size?.[1] ?? declared[2] ?? DEFAULT_FREE_SIZE,
  ];

  const describe = (size: [number, number] | null): Described => {
    const [h, w] = sizeOf(size);
    const key = `${h}x${w}`;
    const known = memo.get(key);
    if (known) return known;
    const shapes = nodeShapes(program, [h, w, declared[3] ?? 3]);
    const scoreShape = shapes.get(program.scoreNode.name) ?? [];
    if (scoreShape.length !== 2) {
      throw new CamkitError(
        `graph model score node '${program.scoreNode.name}' is [${scoreShape.join(', ')}]; explain needs class scores [N, classes]`,
      );
    }
    binary = program.activation === 'sigmoid' && scoreShape[1] === 1;
    const candidates: TargetCandidate[] = [];
    for (const node of program.scoreOrder) {
      const shape = shapes.get(node.name);
      if (node.op === 'Const' || node.op === 'Placeholder' || shape?.length !== 4) continue;
      const params = node.inputs
        .map((ref) => program.nodes.get(ref.node))
        .filter((n) => n?.op === 'Const')
        .reduce((total, n) => total + (model.weights[n!.name]?.[0]?.size ?? 0), 0);
      candidates.push({ name: node.name, shape: [null, ...shape.slice(1)], params, op: node.op });
    }
    const info: Omit<ModelInfo, 'head'> = {
      format: 'graph-model',
      name,
      input: {
        name: program.inputNode.name,
        shape: declared,
        dtype: program.inputDtype,
        channels: declared[3],
      },
      numClasses: binary ? 2 : scoreShape[1],
      score: {
        node: program.scoreNode.name,
        activation: program.activation,
        preActivation: program.activation !== 'none',
        binary,
      },
      candidates,
      defaultTarget: lastSpatial(candidates)?.name ?? null,
      shapesAt: [h, w],
    };
    const described = { info, shapes };
    memo.set(key, described);
    return described;
  };

  const toLogits = (z: tf.Tensor): tf.Tensor2D => {
    const binary = program.activation === 'sigmoid' && z.rank === 2 && z.shape[1] === 1;
    return (binary ? tf.concat([tf.neg(z), z], 1) : z) as tf.Tensor2D;
  };

  const resolveTarget = (layer: string | undefined, size: [number, number] | null): string => {
    const { info, shapes } = describe(size);
    const list = () => {
      const names = info.candidates.map((c) => c.name).reverse();
      const more =
        names.length > LISTED ? ` … (${names.length - LISTED} more; inspectModel lists them all)` : '';
      return `candidate nodes, last first: ${names.slice(0, LISTED).join(', ') || '(none)'}${more}`;
    };
    if (layer === undefined) {
      if (info.defaultTarget === null) {
        throw new CamkitError(
          `graph model '${name}' has no 4-D node with spatial size > 1 to explain (CAM needs a conv feature map)`,
        );
      }
      return info.defaultTarget;
    }
    const node = program.nodes.get(layer);
    if (!node) throw new CamkitError(`node '${layer}' is not in the graph; ${list()}`);
    if (node.op === 'Const')
      throw new CamkitError(`node '${layer}' is a Const (a weight), not a feature map; ${list()}`);
    const shape = shapes.get(layer);
    if (!shape)
      throw new CamkitError(
        `node '${layer}' is not on the path to the score '${program.scoreNode.name}'; ${list()}`,
      );
    if (shape.length !== 4)
      throw new CamkitError(
        `node '${layer}' has a ${shape.length}-D output [${shape.join(', ')}], not a 4-D feature map; ${list()}`,
      );
    return layer;
  };

  const split = (layer: string): ModelSplit => ({
    layer,
    forward(images, opts = {}) {
      const cache = new Map<string, tf.Tensor[]>();
      const run = program.run(images, { capture: layer, linearOutput: true, record: cache, ...opts });
      if (run.captured?.rank !== 4) {
        throw new CamkitError(`node '${layer}' produced no 4-D output in the forward pass`);
      }
      return { images, features: run.captured as tf.Tensor4D, logits: toLogits(run.outputs[0]), cache };
    },
    head(features, from) {
      // Only the target node is replaced: everything not downstream of it comes from the cache,
      // so a node on one side of a residual block gets the gradient through its own output.
      return toLogits(
        program.run(from.images, {
          override: { name: layer, value: features },
          linearOutput: true,
          cache: from.cache,
          unfused: true,
        }).outputs[0],
      );
    },
  });

  return {
    format: 'graph-model',
    name,
    inputShape: declared,
    describe: (size) => describe(size).info,
    candidates: (size) => describe(size).info.candidates,
    resolveTarget,
    logits: (images, opts = {}) => toLogits(program.run(images, { linearOutput: true, ...opts }).outputs[0]),
    split,
    camHead(layer, size) {
      const { info } = describe(size);
      const head = graphHead(program);
      if (head.kind === 'other' || head.feature !== layer) {
        const need =
          head.kind === 'other'
            ? head.reason
            : `its ${head.kind === 'gap-dense' ? 'Mean → MatMul' : 'class conv → Mean'} head reads '${head.feature}'`;
        return {
          ok: false,
          reason: `method 'cam' needs '${layer}' → Mean over H, W → MatMul (+ BiasAdd) as the score, or '${layer}' with one channel per class → Mean over H, W; ${need}: use method 'gradcam' instead`,
        };
      }
      if (head.kind === 'class-conv-gap') {
        const channels = describe(size).shapes.get(layer)?.[3];
        const want = info.score.binary ? 1 : info.numClasses;
        if (channels !== want) {
          return {
            ok: false,
            reason: `method 'cam': '${layer}' has ${channels} channels, not one per class (${want}): use method 'gradcam' instead`,
          };
        }
      }
      return { ok: true, kind: head.kind, weights: () => head.weights(info.score.binary, info.numClasses) };
    },
    probabilities(logits) {
      if (program.activation === 'sigmoid') {
        if (binary ?? describe(null).info.score.binary) {
          const p = 1 / (1 + Math.exp(-logits[1]));
          return Float32Array.from([1 - p, p]);
        }
        return logits.map((v) => 1 / (1 + Math.exp(-v)));
      }
      return softmaxRow(logits);
    },
  };
}

export type { GraphProgram };
