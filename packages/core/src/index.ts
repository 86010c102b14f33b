// @camkit/core public API. What is not exported here is private.

// Attribution
export type {
  CamMethod,
  ExplainResult,
  Heatmap,
  InputGradientMethod,
  Method,
  Prediction,
  Targets,
} from './attribution/types.js';
export type { CamFuseAttrs, CamFuseInputs } from './kernels-contract/cam-fuse.js';
// Kernel contract (implemented by @camkit/kernels)
export { CamFuse, GradcamWeights } from './kernels-contract/cam-fuse.js';
export type {
  Box,
  History,
  ImageEntry,
  Manifest,
  MethodMetrics,
  Metrics,
  ModelEntry,
  OutputEntry,
} from './manifest/schema.js';
// Run manifest
export {
  BoxSchema,
  HistorySchema,
  ImageEntrySchema,
  ManifestSchema,
  MethodMetricsSchema,
  MetricsSchema,
  ModelEntrySchema,
  OutputEntrySchema,
  parseManifest,
} from './manifest/schema.js';
