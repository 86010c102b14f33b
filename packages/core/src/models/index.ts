// models: public API of this folder, re-exported by src/index.ts.
export type { CamNetOptions } from './cam-net.js';
export { camNet } from './cam-net.js';
export { foldCamNetBatchNorm } from './fold-cam-net-batch-norm.js';
export type { VggLikeOptions } from './vgg-like.js';
export { vggLike } from './vgg-like.js';
export type { Vgg16Options } from './vgg16.js';
export { vgg16 } from './vgg16.js';
