// families: the `@camkit/core/families` entry point. Architecture families with their real layer
// structure (Keras applications' names), reduced for tests, plus full-size builders for benchmarks.

// The registry tests iterate over
export { FAMILIES, type Family } from './families.js';
export type { FamilyOptions } from './family-options.js';

// Reduced families (32×32 inputs, a few blocks)
export { densenet121 } from './densenet121.js';
export { efficientnetB0 } from './efficientnet-b0.js';
export { mobilenetV1 } from './mobilenet-v1.js';
export { mobilenetV2 } from './mobilenet-v2.js';
export { mobilenetV3, mobilenetV3Large } from './mobilenet-v3.js';
export { resnet18, resnet50V1 } from './resnet-v1.js';
export { resnet50V2 } from './resnet50-v2.js';
export { vgg16Reduced } from './vgg16-reduced.js';
export { xception } from './xception.js';

// Building blocks
export { hardSigmoid, hardSwish } from './hard-swish.js';
export { correctPad, makeDivisible } from './make-divisible.js';
export { SeededLayers } from './seeded-layers.js';
export { squeezeExcite } from './squeeze-excite.js';
