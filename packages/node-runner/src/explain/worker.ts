// One `camkit explain --concurrency N` worker: its own tfjs wasm backend (set up exactly as the
// main thread's, so maps are bit-identical) and its own copy of the model; explains the batches it
// is sent and writes their files. The main thread writes manifest.json from the results.
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend.js';
import { isUserError, oneLine } from '../errors.js';
import { type LoadedModel, loadModelOption } from '../model/load-model-option.js';
import { fileImage } from './file-images.js';
import type { ExplainInitMessage, FromExplainWorker, ToExplainWorker } from './protocol.js';
import { type BatchOptions, explainBatch } from './write-run.js';

const port = parentPort!;
let model: LoadedModel | null = null;
let opts: BatchOptions | null = null;

function post(msg: FromExplainWorker): void {
  port.postMessage(msg);
}

async function init(msg: ExplainInitMessage): Promise<void> {
  tf.enableProdMode();
  await selectBackend('wasm');
  model = await loadModelOption(msg.modelPath);
  opts = {
    outDir: msg.outDir,
    models: [{ entry: msg.entry, model, methods: msg.methods, layer: msg.layer }],
    classes: msg.classes,
    colormap: msg.colormap,
    alpha: msg.alpha,
    saveRaw: msg.saveRaw,
  };
  post({ type: 'ready' });
}

async function handle(msg: ToExplainWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      return init(msg);
    case 'batch': {
      const images = await Promise.all(msg.images.map(fileImage));
      post({ type: 'done', index: msg.index, result: await explainBatch(opts!, images) });
      return;
    }
    case 'close':
      model?.dispose();
      port.close();
      return;
  }
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: ToExplainWorker) => {
  queue = queue
    .then(() => handle(msg))
    .catch((err: unknown) => post({ type: 'error', message: oneLine(err), user: isUserError(err) }));
});
