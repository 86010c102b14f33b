import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';
import { ABLATIONCAM_BATCH_SIZE, ablationcamScores, ablationcamWeights } from './ablation-cam.js';
import { eigenMaps } from './eigen-maps.js';
import { eigengradcamProduct } from './eigengradcam-map.js';
import { fuseCam } from './fuse-cam.js';
import { gradcamElementwiseMap } from './gradcam-elementwise-map.js';
import { gradcamPlusPlusWeights } from './gradcam-plus-plus-weights.js';
import { gradcamWeights } from './gradcam-weights.js';
import { guidedRelu } from './guided-relu.js';
import { leafLayers } from './graph-runner.js';
import { hirescamMap } from './hirescam-map.js';
import {
  gradientThroughForward,
  inputGradient,
  inputGradientAndLogits,
  integratedGradients,
  smoothGrad,
} from './input-gradients.js';
import type { AnyModel, ExplainableModel } from './explainable-model.js';
import { explainable } from './explainable.js';
import { kernelError, type NamedLayer } from './kernel-error.js';
import { layercamMap } from './layercam-map.js';
import { releaseFailedTape } from './release-tape.js';
import { scorecamScores, scorecamWeights } from './score-cam.js';
import type { ModelSplit, SplitForward } from './split-model.js';
import type { ExplainOptions, ExplainResult, Heatmap, Method, Prediction } from './types.js';
import { CAM_METHODS, validateExplainInput } from './validate-input.js';
import { weightedSum } from './weighted-sum.js';
import { xgradcamWeights } from './xgradcam-weights.js';

const CAM_METHOD_SET = new Set<Method>(CAM_METHODS);
const WEIGHT_METHODS = new Set<Method>([
  'cam',
  'gradcam',
  'gradcam++',
  'xgradcam',
  'scorecam',
  'ablationcam',
]);
/** The methods whose raw map is a per-position function of the activations and their gradients. */
const GRADIENT_MAPS: Partial<Record<Method, (a: tf.Tensor4D, g: tf.Tensor4D) => tf.Tensor4D>> = {
  layercam: layercamMap,
  hirescam: hirescamMap,
  'gradcam-elementwise': gradcamElementwiseMap,
};

type Computed = {
  logits: tf.Tensor2D;
  /** CAM methods: gray maps [N, C, H, W]; input-gradient methods: [N, C, H, W, channels]. */
  maps: tf.Tensor;
  /** CAM methods: raw maps before ReLU, [N, h, w, C]. */
  raw?: tf.Tensor4D;
  /** Weighted-sum methods: channel weights [N, K, C]. */
  weights?: tf.Tensor3D;
};

/**
 * A computation that needs device values on the host before it can finish (Eigen-CAM's float64
 * SVD, Ablation-CAM's per-image minimum). webgpu in Node cannot read a tensor synchronously, so
 * `compute` stops here, explain reads `read` with async `data()`, and `finish` runs in a new tidy.
 */
type HostStep = {
  read: tf.Tensor[];
  /** The tensors `finish` uses (kept alive across the read, disposed after unless returned). */
  keep: tf.Tensor[];
  finish: (values: Float32Array[]) => Computed;
};

/**
 * Explains a classifier's decisions on a batch of images with one attribution method.
 *
 * `model` is a tfjs LayersModel or GraphModel (`loadModel` returns either). The score of class c
 * is its pre-softmax logit (a softmax on the output layer is skipped; for a graph, the input of
 * the final Softmax/Sigmoid node). A graph with ONE sigmoid output is a binary classifier with two
 * classes: class 1 scores the logit z, class 0 scores −z (pytorch-grad-cam's
 * BinaryClassifierOutputTarget), and its probabilities are [1 − p, p].
 * The target `layer` is a layer name, or for a graph a node name as in model.json; the default
 * is the last 4-D layer (Layers) or node on the path to the score (graphs) whose spatial size is
 * > 1: a 1×1 map after a global pool (MobileNetV3's classifier convs) gives a constant CAM. A node
 * off some paths (one side of a residual block) gets the gradient through its own output with the
 * other paths held fixed.
 * CAM methods return, per image and target class, the gray map at input resolution
 * (`minmax(relu(resize(minmax(relu(raw)))))`, as pytorch-grad-cam 1.5) and the raw map at the
 * target layer's resolution; input-gradient methods return the raw `[H, W, C]` gradient map.
 * Every tensor created is disposed; the result holds plain typed arrays.
 *
 * Notes: `eigencam` is class-independent (every target gets the same map); its SVD sign (and
 * `eigengradcam`'s) is fixed so the map correlates with the channel sum (see `eigenProjection`);
 * the library keeps LAPACK's arbitrary sign. `scorecam` runs K masked copies of each image through
 * the model, `batchSize` at a time; `ablationcam` runs K ablated copies of the target layer's
 * output through the layers after it, `batchSize` (default 32) at a time. When @camkit/kernels
 * registered `CamFuse` / `GradcamWeights` for the active backend, they replace the stock ops.
 *
 * @example
 * const result = await explain(model, images, { method: 'gradcam', targets: 'pred' });
 * result.heatmaps[0].map; // Float32Array H·W in [0, 1]
 */
export async function explain(
  model: AnyModel,
  images: tf.Tensor4D,
  opts: ExplainOptions,
): Promise<ExplainResult> {
  const input = validateExplainInput(explainable(model), images, opts);
  const n = images.shape[0];
  const [height, width] = input.inputSize;
  const pixels = INPUT_GRADIENT_METHODS.has(opts.method) ? PIXELS_PER_PASS : 2 * PIXELS_PER_PASS;
  const perPass = opts.imagesPerPass ?? Math.max(1, Math.floor(pixels / (height * width)));
  // SmoothGrad's seeded noise is drawn for the whole batch: it is never split.
  if (n <= perPass || opts.method === 'smoothgrad') return explainPass(model, images, opts);
  const parts: ExplainResult[] = [];
  for (let start = 0; start < n; start += perPass) {
    const count = Math.min(perPass, n - start);
    const chunk = tf.slice(images, [start, 0, 0, 0], [count, -1, -1, -1]);
    const targets = Array.isArray(opts.targets) ? opts.targets.slice(start, start + count) : opts.targets;
    try {
      const part = await explainPass(model, chunk, { ...opts, targets });
      for (const h of part.heatmaps) h.imageIndex += start;
      parts.push(part);
    } finally {
      chunk.dispose();
    }
  }
  const [first] = parts as [ExplainResult, ...ExplainResult[]];
  return {
    ...first,
    predictions: parts.flatMap((p) => p.predictions),
    heatmaps: parts.flatMap((p) => p.heatmaps),
  };
}

/**
 * Images per pass by default: as many as make 4 images of 224² for the methods that take the
 * gradient with respect to the input (the tape of one pass holds every activation and its
 * gradient; MobileNetV3-Large's guided backprop at 224² needs ~350 MB of wasm heap per image, and
 * 16 at once overran wasm32's 4 GiB and aborted), twice that for the others, whose tape starts at
 * the target layer (a pass holds the forward's activations, ~half that per image at a mid-network
 * layer). Fewer, larger passes are faster: ResNet-18 b16 Grad-CAM in four passes took 165 ms more
 * than in one.
 */
const PIXELS_PER_PASS = 4 * 224 * 224;
const INPUT_GRADIENT_METHODS: ReadonlySet<string> = new Set([
  'guided-backprop',
  'guided-gradcam',
  'smoothgrad',
  'integrated-gradients',
]);

/** {@link explain} on one pass's images. */
async function explainPass(
  model: AnyModel,
  images: tf.Tensor4D,
  opts: ExplainOptions,
): Promise<ExplainResult> {
  const m = explainable(model);
  const input = validateExplainInput(m, images, opts);
  const method = opts.method;
  const usesLayer = CAM_METHOD_SET.has(method) || method === 'guided-gradcam';
  const layer = usesLayer ? m.resolveTarget(opts.layer, input.inputSize) : null;
  const camHead = method === 'cam' ? m.camHead(layer!, input.inputSize) : null;
  if (camHead && !camHead.ok) throw new CamkitError(camHead.reason);
  const failed = (e: unknown) => {
    releaseFailedTape();
    return kernelError(e, namedLayers(model, m, input.inputSize));
  };
  let first: { computed?: Computed; step?: HostStep };
  try {
    let finish: HostStep['finish'] | undefined;
    // tidy keeps the tensors it returns, not a closure: `finish` leaves by a variable.
    const kept = tf.tidy(() => {
      const out = compute(
        model,
        m,
        images,
        opts,
        input.numClasses,
        layer,
        camHead?.ok ? camHead.weights() : null,
      );
      if (!('finish' in out)) return { computed: out };
      finish = out.finish;
      return { read: out.read, keep: out.keep };
    });
    first = 'computed' in kept ? kept : { step: { ...kept, finish: finish! } };
  } catch (e) {
    throw failed(e);
  }
  const computed = first.computed ?? (await finishHostStep(first.step!, failed));
  try {
    const [logits, maps, raw, weights] = await Promise.all([
      computed.logits.data() as Promise<Float32Array>,
      computed.maps.data() as Promise<Float32Array>,
      computed.raw?.data() as Promise<Float32Array> | undefined,
      computed.weights?.data() as Promise<Float32Array> | undefined,
    ]);
    const [n, classes] = computed.logits.shape;
    const predictions: Prediction[] = [];
    for (let i = 0; i < n; i++)
      predictions.push(toPrediction(logits.subarray(i * classes, (i + 1) * classes), m));
    const targetCount = computed.maps.shape[1] as number;
    const [height, width] = input.inputSize;
    const mapSize = CAM_METHOD_SET.has(method) ? height * width : height * width * input.channels;
    const heatmaps: Heatmap[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < targetCount; j++) {
        const classIndex = classOf(opts.targets, predictions, i, j);
        const at = (i * targetCount + j) * mapSize;
        const heatmap: Heatmap = {
          imageIndex: i,
          classIndex,
          map: maps.slice(at, at + mapSize),
          shape: CAM_METHOD_SET.has(method) ? [height, width] : [height, width, input.channels],
        };
        if (raw && computed.raw) {
          const [, h, w] = computed.raw.shape;
          heatmap.raw = pickChannel(raw, i, j, h * w, targetCount);
          heatmap.rawShape = [h, w];
        }
        if (weights && computed.weights) {
          heatmap.weights = pickChannel(weights, i, j, computed.weights.shape[1], targetCount);
        }
        heatmaps.push(heatmap);
      }
    }
    return { method, layer, inputSize: [height, width], predictions, heatmaps };
  } finally {
    for (const t of [computed.logits, computed.maps, computed.raw, computed.weights]) t?.dispose();
  }
}

/** Reads a host step's tensors with async `data()`, finishes it in a new tidy, disposes what it held. */
async function finishHostStep(step: HostStep, failed: (e: unknown) => unknown): Promise<Computed> {
  const held = [...step.read, ...step.keep];
  let computed: Computed;
  try {
    const values = (await Promise.all(step.read.map((t) => t.data()))) as Float32Array[];
    computed = tf.tidy(() => step.finish(values));
  } catch (e) {
    tf.dispose(held);
    throw failed(e);
  }
  const out = new Set<tf.Tensor | undefined>([
    computed.logits,
    computed.maps,
    computed.raw,
    computed.weights,
  ]);
  tf.dispose(held.filter((t) => !out.has(t)));
  return computed;
}

/** The model's layers (graph: candidate nodes, by op) in execution order, for error messages. */
function namedLayers(model: AnyModel, m: ExplainableModel, size: [number, number]): NamedLayer[] {
  if (m.format === 'layers-model') {
    return leafLayers(model as LayersModel).map((l) => ({ name: l.name, className: l.getClassName() }));
  }
  return m.candidates(size).map((c) => ({ name: c.name, className: c.op }));
}

function toPrediction(logits: Float32Array, m: ExplainableModel): Prediction {
  let max = -Infinity;
  let predicted = 0;
  logits.forEach((v, c) => {
    if (v > max) {
      max = v;
      predicted = c;
    }
  });
  return { logits: Float32Array.from(logits), probabilities: m.probabilities(logits), predicted };
}

function classOf(
  targets: ExplainOptions['targets'],
  predictions: Prediction[],
  image: number,
  j: number,
): number {
  if (targets === 'all') return j;
  if (Array.isArray(targets)) return targets[image];
  return predictions[image].predicted;
}

/** Column j of image i of a `[N, L, C]` array, as a fresh array of length L. */
function pickChannel(
  data: Float32Array,
  i: number,
  j: number,
  length: number,
  columns: number,
): Float32Array {
  const out = new Float32Array(length);
  const base = i * length * columns;
  for (let p = 0; p < length; p++) out[p] = data[base + p * columns + j];
  return out;
}

/**
 * One-hot rows [N, classes] of class tensors: tf.oneHot, or for a single class (which tf.oneHot
 * refuses) a compare against the class range.
 */
function oneHot(indices: tf.Tensor1D, numClasses: number): tf.Tensor2D {
  if (numClasses > 1) return tf.cast(tf.oneHot(indices, numClasses), 'float32') as tf.Tensor2D;
  return tf.cast(
    tf.equal(tf.expandDims(indices, 1), tf.range(0, numClasses, 1, 'int32')),
    'float32',
  ) as tf.Tensor2D;
}

/** One-hot rows [N, classes] of classes known on the host: built there, no kernel runs. */
function hostOneHot(classes: readonly number[], numClasses: number): tf.Tensor2D {
  const rows = new Float32Array(classes.length * numClasses);
  classes.forEach((c, i) => {
    rows[i * numClasses + c] = 1;
  });
  return tf.tensor2d(rows, [classes.length, numClasses]);
}

/** One-hot masks [N, classes], one per target column. */
function targetMasks(
  targets: ExplainOptions['targets'],
  logits: tf.Tensor2D,
  numClasses: number,
): tf.Tensor2D[] {
  return givenTargetMasks(targets, logits.shape[0], numClasses) ?? [predictedMask(logits, numClasses)];
}

/** The masks of targets named by the caller (a class per image, or 'all'); null for the predicted class. */
function givenTargetMasks(
  targets: ExplainOptions['targets'],
  n: number,
  numClasses: number,
): tf.Tensor2D[] | null {
  if (targets === 'all') {
    return Array.from({ length: numClasses }, (_, c) => hostOneHot(Array(n).fill(c), numClasses));
  }
  if (Array.isArray(targets)) return [hostOneHot(targets as number[], numClasses)];
  return null;
}

const predictedMask = (logits: tf.Tensor2D, numClasses: number): tf.Tensor2D =>
  oneHot(tf.cast(tf.argMax(logits, 1), 'int32') as tf.Tensor1D, numClasses);

/**
 * {@link predictedMask} as one tape node whose gradient is zero: inside a gradient's forward pass
 * (where the ops of a custom gradient are not recorded), so backprop never meets `Equal`, which has
 * no gradient.
 */
const predictedMaskNoGrad = (numClasses: number) =>
  tf.customGrad((...args: unknown[]) => {
    const logits = args[0] as tf.Tensor2D;
    return {
      value: predictedMask(logits, numClasses),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => [tf.zerosLike(dy as tf.Tensor)],
    };
  }) as (logits: tf.Tensor2D) => tf.Tensor2D;

/** ∂(Σ_n logits[n] · mask[n]) / ∂features through the head of `split`, from forward pass `fwd`. */
const headGradient =
  (split: ModelSplit, fwd: SplitForward) =>
  (mask: tf.Tensor2D): tf.Tensor4D =>
    tf.grads((a: tf.Tensor) => tf.sum(tf.mul(split.head(a as tf.Tensor4D, fwd), mask)))([
      fwd.features,
    ])[0] as tf.Tensor4D;

/**
 * Guided Grad-CAM from one guided forward pass. The guided rule changes only the backward pass, so
 * the pass that gives guided backprop's input gradient also gives Grad-CAM's forward — the target
 * layer's features, the logits, every node's output (kept as clones past the gradient's scope) —
 * and the Grad-CAM head gradient reuses it: no separate forward runs.
 */
function guidedGradcam(
  model: AnyModel,
  split: ModelSplit,
  images: tf.Tensor4D,
  targets: ExplainOptions['targets'],
  numClasses: number,
  size: [number, number],
): Computed {
  const given = givenTargetMasks(targets, images.shape[0], numClasses);
  const keepClone = <T extends tf.Tensor>(t: T): T => tf.keep(tf.clone(t));
  let fwd: SplitForward | undefined;
  try {
    const first = gradientThroughForward(
      images,
      (x) => {
        const f = split.forward(x, { guidedRelu, unfused: true });
        fwd = {
          images,
          features: keepClone(f.features),
          logits: keepClone(f.logits),
          cache: new Map([...f.cache].map(([key, outs]) => [key, outs.map(keepClone)])),
        };
        return f.logits;
      },
      given?.[0] ?? predictedMaskNoGrad(numClasses),
    );
    const from = fwd!;
    const masks = given ?? [predictedMask(from.logits, numClasses)];
    const gradsFor = headGradient(split, from);
    const perTarget = masks.map((mask, j) => {
      const gray = fuseCam(
        from.features,
        tf.expandDims(gradcamWeights(gradsFor(mask)), 2) as tf.Tensor3D,
        size,
      );
      const gb = j === 0 ? first.gradient : inputGradient(model, images, mask, true);
      return tf.mul(gb, tf.expandDims(tf.squeeze(gray, [1]), 3));
    });
    return { logits: first.logits, maps: tf.stack(perTarget, 1) };
  } finally {
    if (fwd) tf.dispose([fwd.features, fwd.logits, ...[...fwd.cache.values()].flat()]);
  }
}

/**
 * Guided backprop's maps and logits from its own gradient passes: the first pass's forward gives
 * the logits (and, for the predicted class, the mask), so no separate forward pass runs.
 */
function guidedBackprop(
  model: AnyModel,
  images: tf.Tensor4D,
  targets: ExplainOptions['targets'],
  numClasses: number,
): Computed {
  const masks = givenTargetMasks(targets, images.shape[0], numClasses);
  const first = inputGradientAndLogits(model, images, masks?.[0] ?? predictedMaskNoGrad(numClasses), true);
  const rest = (masks ?? []).slice(1).map((mask) => inputGradient(model, images, mask, true));
  return { logits: first.logits, maps: tf.stack([first.gradient, ...rest], 1) };
}

function compute(
  model: AnyModel,
  m: ExplainableModel,
  rawImages: tf.Tensor4D,
  opts: ExplainOptions,
  numClasses: number,
  layer: string | null,
  camMatrix: tf.Tensor2D | null,
): Computed | HostStep {
  const images = (rawImages.dtype === 'float32' ? rawImages : tf.cast(rawImages, 'float32')) as tf.Tensor4D;
  const size: [number, number] = [images.shape[1], images.shape[2]];
  const method = opts.method;
  const batchSize = opts.batchSize ?? (method === 'ablationcam' ? ABLATIONCAM_BATCH_SIZE : 16);

  if (method === 'guided-backprop') return guidedBackprop(model, images, opts.targets, numClasses);
  if (!layer) {
    // SmoothGrad and IG take gradients at other points than the images: one forward for the logits.
    const logits = m.logits(images);
    const masks = targetMasks(opts.targets, logits, numClasses);
    const perTarget = masks.map((mask) => {
      if (method === 'smoothgrad') return smoothGrad(model, images, mask, { ...opts, batchSize });
      return integratedGradients(model, images, mask, { ...opts, batchSize });
    });
    return { logits, maps: tf.stack(perTarget, 1) };
  }

  const split = m.split(layer);
  if (method === 'guided-gradcam') return guidedGradcam(model, split, images, opts.targets, numClasses, size);
  const fwd = split.forward(images);
  const masks = targetMasks(opts.targets, fwd.logits, numClasses);
  const columns = masks.length;
  const gradsFor = headGradient(split, fwd);

  if (WEIGHT_METHODS.has(method)) {
    const fromWeights = (weights: tf.Tensor3D, f = fwd): Computed => ({
      logits: f.logits,
      maps: fuseCam(f.features, weights, size),
      raw: weightedSum(f.features, weights),
      weights,
    });
    if (method === 'scorecam') {
      // Which channels are constant (their masked input is the zero image) is a host value.
      const selector = tf.stack(masks, 2) as tf.Tensor3D;
      const kept = cloneForward(fwd);
      const from = kept.fwd;
      return {
        read: [tf.sub(tf.max(from.features, [1, 2]), tf.min(from.features, [1, 2]))],
        keep: [...kept.tensors, selector],
        finish: ([ranges]) => {
          const scores = scorecamScores((x) => m.logits(x), from.features, from.images, ranges, batchSize);
          return fromWeights(tf.matMul(scorecamWeights(scores), selector), from);
        },
      };
    }
    if (method === 'ablationcam') {
      // The ablation values depend on each image's minimum activation, a host value.
      const selector = tf.stack(masks, 2) as tf.Tensor3D;
      const kept = cloneForward(fwd);
      const from = kept.fwd;
      return {
        read: [tf.min(from.features, [1, 2, 3])],
        keep: [...kept.tensors, selector],
        finish: ([minima]) => {
          const weights = ablationcamWeights(
            from.logits,
            ablationcamScores(split, from, batchSize, minima),
            selector,
          );
          return fromWeights(weights, from);
        },
      };
    }
    return fromWeights(channelWeights(method, fwd, masks, gradsFor, camMatrix));
  }

  const fromRaw = (raw: tf.Tensor4D): Computed => ({
    logits: fwd.logits,
    maps: fuseCam(raw, tf.eye(columns) as tf.Tensor2D, size),
    raw,
  });
  if (method === 'eigencam') {
    return {
      // A clone: the step disposes what it read, and the features are the forward pass's.
      read: [tf.clone(fwd.features)],
      keep: [fwd.logits],
      finish: ([acts]) =>
        fromRaw(tf.tile(eigenMaps(acts, fwd.features.shape), [1, 1, 1, columns]) as tf.Tensor4D),
    };
  }
  if (method === 'eigengradcam') {
    const products = masks.map((mask) => eigengradcamProduct(fwd.features, gradsFor(mask)));
    return {
      read: products,
      keep: [fwd.logits],
      finish: (values) =>
        fromRaw(
          tf.concat(
            values.map((v, j) => eigenMaps(v, products[j].shape)),
            3,
          ),
        ),
    };
  }
  const mapFn = GRADIENT_MAPS[method]!;
  return fromRaw(
    tf.concat(
      masks.map((mask) => mapFn(fwd.features, gradsFor(mask))),
      3,
    ),
  );
}

/**
 * A forward pass of clones (same data, tensors of their own) and the list of them: what a host
 * step keeps alive for the head without owning the caller's images or a graph's weights.
 */
function cloneForward(fwd: SplitForward): { fwd: SplitForward; tensors: tf.Tensor[] } {
  const tensors: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(t: T): T => {
    const c = tf.clone(t);
    tensors.push(c);
    return c;
  };
  const cache = new Map([...fwd.cache].map(([name, ts]) => [name, ts.map(own)]));
  return {
    fwd: { images: own(fwd.images), features: own(fwd.features), logits: own(fwd.logits), cache },
    tensors,
  };
}

function channelWeights(
  method: Method,
  fwd: SplitForward,
  masks: tf.Tensor2D[],
  gradsFor: (mask: tf.Tensor2D) => tf.Tensor4D,
  camMatrix: tf.Tensor2D | null,
): tf.Tensor3D {
  const n = fwd.features.shape[0];
  // [N, classes, C]: column j selects target j's class, so W[:, :, classes] @ masks picks weights.
  const selector = tf.stack(masks, 2) as tf.Tensor3D;
  if (method === 'cam') {
    return tf.matMul(tf.tile(tf.expandDims(camMatrix!, 0), [n, 1, 1]) as tf.Tensor3D, selector);
  }
  const perTarget = masks.map((mask) => {
    const grads = gradsFor(mask);
    if (method === 'gradcam') return gradcamWeights(grads);
    if (method === 'gradcam++') return gradcamPlusPlusWeights(fwd.features, grads);
    return xgradcamWeights(fwd.features, grads);
  });
  return tf.stack(perTarget, 2) as tf.Tensor3D;
}
