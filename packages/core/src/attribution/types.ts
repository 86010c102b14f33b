/** Attribution methods that `explain` supports. Conventions follow jacobgil/pytorch-grad-cam 1.5.x. */
export type CamMethod =
  | 'cam'
  | 'gradcam'
  | 'gradcam++'
  | 'layercam'
  | 'xgradcam'
  | 'hirescam'
  | 'eigencam'
  | 'eigengradcam'
  | 'gradcam-elementwise'
  | 'scorecam'
  | 'ablationcam';

/** Methods whose map is a gradient with respect to the model input ([H, W, channels] per image). */
export type InputGradientMethod =
  | 'guided-backprop'
  | 'guided-gradcam'
  | 'smoothgrad'
  | 'integrated-gradients';

export type Method = CamMethod | InputGradientMethod;

/** Which classes to explain: one class index per image, every class, or (omitted) the predicted class. */
export type Targets = readonly number[] | 'all' | 'pred';

/** One map: one image, one class, one method. Plain typed arrays so nothing needs disposing. */
export interface Heatmap {
  /** Index of the image in the batch. */
  imageIndex: number;
  /** Class whose logit was explained. */
  classIndex: number;
  /**
   * The post-processed map at input resolution, row-major. CAM methods: [H, W] in [0, 1]
   * (ReLU, min-max, resize, ReLU, min-max). Input-gradient methods: [H, W, C] raw gradient values.
   */
  map: Float32Array;
  /** Shape of `map`: [H, W] or [H, W, C]. */
  shape: number[];
  /** CAM methods only: the layer-resolution map before any ReLU/normalisation, [h, w]. */
  raw?: Float32Array;
  /** Shape of `raw`: [h, w]. */
  rawShape?: number[];
  /** Channel weights [K] of the weighted-sum methods (cam, gradcam, gradcam++, xgradcam, scorecam, ablationcam). */
  weights?: Float32Array;
}

/** Per-image prediction made during the explain pass (softmax of the logits). */
export interface Prediction {
  /** Pre-softmax scores (the logits `explain` differentiates). */
  logits: Float32Array;
  probabilities: Float32Array;
  predicted: number;
}

export interface ExplainResult {
  method: Method;
  /** Target layer name, or null for methods that use no layer (guided-backprop, smoothgrad, IG). */
  layer: string | null;
  /** Model input size [H, W]. */
  inputSize: [number, number];
  predictions: Prediction[];
  /** One entry per (image, target class), ordered by image then by class. */
  heatmaps: Heatmap[];
}

/** Options of {@link explain}. Every field but `method` is optional; defaults are stated per field. */
export interface ExplainOptions {
  method: Method;
  /**
   * Target layer name for the CAM methods (and guided-gradcam). It may name a layer inside a
   * nested model. Default: the last layer with a 4-D output whose spatial size is > 1 (see
   * `findTargetLayer`).
   */
  layer?: string;
  /** One class per image, `'all'` (every class), or `'pred'`/omitted (the predicted class). */
  targets?: Targets;
  /**
   * Forward-pass batch size for the methods that run the model many times: Score-CAM's masked
   * inputs (default 16, as pytorch-grad-cam), Ablation-CAM's ablated channels (default 32, as
   * pytorch-grad-cam; with a layer whose minimum is not 0 the ablation value depends on a copy's
   * place in its batch, as in the library, so the map does too), SmoothGrad's noisy copies and the
   * integrated-gradients path points (default 16 images per pass).
   */
  batchSize?: number;
  /**
   * Images explained per pass: a larger batch is explained in consecutive slices of this many and
   * the results joined (each image's maps do not depend on the others: BatchNorm and Dropout run
   * in inference mode). Bounds memory, since a pass's tape holds every activation and gradient.
   * Default: as many as make 4·224² pixels (4 images at 224², 196 at 32²) for the methods that
   * differentiate with respect to the input (guided backprop, guided Grad-CAM, integrated
   * gradients), 8·224² for the others. SmoothGrad, whose seeded noise is drawn for the whole batch,
   * is never split.
   */
  imagesPerPass?: number;
  /** SmoothGrad: noisy samples per image. Default 25. */
  samples?: number;
  /** SmoothGrad: noise standard deviation as a fraction of each image's value range (max − min). Default 0.15. */
  noiseLevel?: number;
  /** SmoothGrad: seed of the Gaussian noise, so a run is reproducible. Default 0. */
  seed?: number;
  /** Integrated gradients: Riemann steps (right sums, α = k/steps, k = 1..steps). Default 32. */
  steps?: number;
  /** Integrated gradients: constant baseline image value. Default 0 (a black image). */
  baseline?: number;
}
