// @camkit/core/node: Node-only helpers that need `fs`. The main entry stays browser-safe.
export { loadModel } from './io/node/load-model.js';
export { readNpyFile, writeNpyFile } from './io/node/npy-file.js';
export type { SavedModelFiles, SaveModelOptions } from './io/node/save-model.js';
export { saveModel } from './io/node/save-model.js';
export { writeFileAtomic, writeJsonAtomic } from './io/node/write-file-atomic.js';
