// layers: public API of this folder, re-exported by src/index.ts.
export type { BatchNormTrainResult } from './batch-norm-train.js';
export { batchNormTrain } from './batch-norm-train.js';
export { DilatedConv2D } from './dilated-conv2d.js';
export { FusedBatchNormalization } from './fused-batch-normalization.js';
