// @camkit/kernels public API. What is not exported here is private.

// Fused CAM ops (CamFuse, GradcamWeights, GradcamPlusPlusWeights) and their per-backend kernels.
export * from './cam/index.js';

// Training kernels the wasm backend lacks.
export * from './training/index.js';
