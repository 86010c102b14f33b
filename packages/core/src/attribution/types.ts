/** Attribution methods that `explain` supports. Conventions follow jacobgil/pytorch-grad-cam 1.5.x. */
export type CamMethod =
  | 'cam'
  | 'gradcam'
  | 'gradcam++'
  | 'layercam'
  | 'xgradcam'
  | 'hirescam'
  | 'eigencam'
  | 'scorecam';

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
