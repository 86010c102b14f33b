// One `camkit explain --concurrency N` worker: its own tfjs wasm backend (set up exactly as the
// main thread's, with as many XNNPACK threads, so maps are bit-identical) and its own copy of the
// model; explains the batches it is sent and writes their files. The main thread writes
// manifest.json from the results.
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend.js';
import { type LoadedModel, loadModelOption } from '../model/load-model-option.js';
import { serveWorker } from '../workers/serve-worker.js';
import { fileImage } from './file-images.js';
import type { ExplainHandlers } from './protocol.js';
import { type BatchOptions, explainBatch } from './write-run.js';

let model: LoadedModel | null = null;
let opts: BatchOptions | null = null;

serveWorker({
  async init(msg) {
    tf.enableProdMode();
    // The main thread's XNNPACK threads: another count rounds some convs differently.
    await selectBackend('wasm', { threads: msg.wasmThreads });
    model = await loadModelOption(msg.modelPath);
    opts = {
      outDir: msg.outDir,
      models: [{ entry: msg.entry, model, methods: msg.methods, layer: msg.layer }],
      classes: msg.classes,
      colormap: msg.colormap,
      alpha: msg.alpha,
      saveRaw: msg.saveRaw,
    };
  },
  async batch(files) {
    const images = await Promise.all(files.map(fileImage));
    return explainBatch(opts!, images);
  },
} satisfies ExplainHandlers);
