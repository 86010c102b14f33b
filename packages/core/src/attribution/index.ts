// attribution: public API of this folder, re-exported by src/index.ts.

// The entry point
export { explain } from './explain.js';
export type { ExplainOptions } from './types.js';
export { METHODS } from './validate-input.js';

// Target layers and model views (Layers and graph models)
export type { AnyModel } from './explainable-model.js';
export { findTargetLayer, listCandidateLayers } from './target-layer.js';
export { type LogitsModel, logitsModel } from './logits-model.js';
export { type ModelSplit, type SplitForward, splitModel } from './split-model.js';
export { camWeightMatrix } from './cam-head.js';

// Pure tensor functions: channel weights and maps
export { gradcamWeights } from './gradcam-weights.js';
export { gradcamPlusPlusWeights } from './gradcam-plus-plus-weights.js';
export { xgradcamWeights } from './xgradcam-weights.js';
export { layercamMap } from './layercam-map.js';
export { hirescamMap } from './hirescam-map.js';
export { gradcamElementwiseMap } from './gradcam-elementwise-map.js';
export { eigengradcamMap } from './eigengradcam-map.js';
export { eigenProjection, topEigenvector } from './eigen-projection.js';
export { scorecamMasks, scorecamWeights } from './score-cam.js';
export {
  ABLATIONCAM_BATCH_SIZE,
  ablatedCopies,
  ablationcamScores,
  ablationcamWeights,
  ablationValues,
} from './ablation-cam.js';
export { weightedSum } from './weighted-sum.js';

// Post-processing (pytorch-grad-cam's scale_cam_image and the full gray pipeline), fused when a kernel is registered
export { MINMAX_EPS, minMaxNormalize } from './min-max-normalize.js';
export { postprocessCam, scaleCamImage } from './scale-cam-image.js';
export { fuseCam, hasCamFuseKernel } from './fuse-cam.js';

// Input gradients
export { guidedRelu } from './guided-relu.js';
export {
  INTEGRATED_GRADIENTS_DEFAULTS,
  inputGradient,
  integratedGradients,
  SMOOTHGRAD_DEFAULTS,
  smoothGrad,
} from './input-gradients.js';
