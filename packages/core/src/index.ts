// @camkit/core public API. What is not exported here is private.
// Each folder's index.ts is its explicit barrel; this file groups them.

// Attribution: explain() and the CAM / gradient methods
export * from './attribution/index.js';
export type {
  CamMethod,
  ExplainResult,
  Heatmap,
  InputGradientMethod,
  Method,
  Prediction,
  Targets,
} from './attribution/types.js';

// Graph models (tfjs-converter GraphModel): run by camkit's own interpreter
export { isGraphModel } from './graph/is-graph-model.js';

// Inspect: what camkit sees in a model (input, score, head, candidate targets, default target)
export { inspectModel } from './inspect/inspect-model.js';
export type { InspectOptions } from './inspect/inspect-model.js';
export type { ModelInfo, TargetCandidate } from './inspect/model-info.js';

// Models: camNet, vggLike, vgg16
export * from './models/index.js';

// Layers: BatchNormalization whose training step is one fused forward/backward (registered in
// place of tfjs-layers' class on import)
export * from './layers/index.js';

// Model and array I/O that works everywhere (URLs, in-memory artifacts, .npy bytes)
export * from './io/index.js';

// Data: the seeded synthetic shapes dataset
export * from './data/index.js';

// Metrics: pointing game, boxes and IoU, localization error, deletion/insertion, confidence
export * from './metrics/index.js';

// Visualisation: colormaps and overlays
export * from './viz/index.js';

// Errors: every user-facing failure is a CamkitError with a one-line message
export { CamkitError } from './errors.js';

// Kernel contract (implemented by @camkit/kernels)
export { CamFuse, GradcamPlusPlusWeights, GradcamWeights } from './kernels-contract/cam-fuse.js';
export type { CamFuseAttrs, CamFuseInputs } from './kernels-contract/cam-fuse.js';
export { BatchNormTrain, BatchNormTrainGrad } from './kernels-contract/batch-norm-train.js';
export type { BatchNormTrainAttrs } from './kernels-contract/batch-norm-train.js';

// Run manifest, history and metrics files
export {
  BoxSchema,
  HistorySchema,
  ImageEntrySchema,
  ManifestSchema,
  MethodMetricsSchema,
  MetricsSchema,
  ModelEntrySchema,
  ModelMetaSchema,
  OutputEntrySchema,
  parseManifest,
  PreprocessSchema,
} from './manifest/schema.js';
export { describeZodError, validateWithSchema } from './manifest/validate-with-schema.js';
export type {
  Box,
  History,
  ImageEntry,
  Manifest,
  MethodMetrics,
  Metrics,
  ModelEntry,
  ModelMeta,
  OutputEntry,
  Preprocess,
} from './manifest/schema.js';
