// layers: public API of this folder, re-exported by src/index.ts.
export type { BatchNormTrainResult } from './batch-norm-train.js';
export { batchNormTrain } from './batch-norm-train.js';
export { CamkitConv2D } from './camkit-conv2d.js';
export { FusedBatchNormalization } from './fused-batch-normalization.js';
