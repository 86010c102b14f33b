// io: public API of this folder, re-exported by src/index.ts. Browser-safe: no fs here (see src/node.ts).
export type { LoadModelFromUrlOptions } from './load-model-from-url.js';
export { loadModelFromUrl } from './load-model-from-url.js';
export type { ModelFormat, ModelJson, WeightBytes } from './model-from-artifacts.js';
export { modelFromArtifacts } from './model-from-artifacts.js';
export type { NpyArray, NpyDtype, NpyInput } from './npy.js';
export { encodeNpy, parseNpy } from './npy.js';
