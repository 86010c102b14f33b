// attribution: public API of this folder, re-exported by src/index.ts.

export { camWeightMatrix } from './cam-head.js';
export { eigenProjection, topEigenvector } from './eigen-projection.js';
// The entry point
export { explain } from './explain.js';
export { fuseCam, hasCamFuseKernel } from './fuse-cam.js';
export { gradcamPlusPlusWeights } from './gradcam-plus-plus-weights.js';
// Pure tensor functions: channel weights and maps
export { gradcamWeights } from './gradcam-weights.js';
// Input gradients
export { guidedRelu } from './guided-relu.js';
export { hirescamMap } from './hirescam-map.js';
export {
  INTEGRATED_GRADIENTS_DEFAULTS,
  inputGradient,
  integratedGradients,
  SMOOTHGRAD_DEFAULTS,
  smoothGrad,
} from './input-gradients.js';
export { layercamMap } from './layercam-map.js';
export { type LogitsModel, logitsModel } from './logits-model.js';
// Post-processing (pytorch-grad-cam's scale_cam_image and the full gray pipeline)
export { MINMAX_EPS, minMaxNormalize } from './min-max-normalize.js';
export { postprocessCam, scaleCamImage } from './scale-cam-image.js';
export { scorecamMasks, scorecamWeights } from './score-cam.js';
export { type ModelSplit, type SplitForward, splitModel } from './split-model.js';
// Target layers and model views
export { findTargetLayer, listCandidateLayers } from './target-layer.js';
export type { ExplainOptions } from './types.js';
export { METHODS } from './validate-input.js';
export { weightedSum } from './weighted-sum.js';
export { xgradcamWeights } from './xgradcam-weights.js';
