// data: public API of this folder, re-exported by src/index.ts.
export type { SyntheticDataset, SyntheticDatasetOptions } from './synthetic-dataset.js';
export { syntheticDataset } from './synthetic-dataset.js';
export type { SyntheticClassName, SyntheticOptions, SyntheticSample } from './synthetic-sample.js';
export { SYNTHETIC_CLASS_NAMES, syntheticSample } from './synthetic-sample.js';
export { mixSeed, mulberry32, Rng } from './prng.js';
