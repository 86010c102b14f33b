// Runs inside a fresh project that installed the packed @camkit/core tarball from npm-style
// node_modules (no workspace, no source condition). Prints one JSON line for pack.test.ts to check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { applyColormap, camNet, encodeNpy, explain, iou, parseNpy, syntheticDataset } from '@camkit/core';
import { loadModel, saveModel } from '@camkit/core/node';
import * as tf from '@tensorflow/tfjs-core';

await tf.setBackend('cpu');
const size = 16;
const model = camNet({ inputSize: size, filters: [4, 8], numClasses: 4 });
const data = syntheticDataset({ count: 2, size, seed: 1 });
const images = tf.tensor4d(data.images, [2, size, size, 3]);
const result = await explain(model, images, { method: 'gradcam' });
const map = result.heatmaps[0].map;

const dir = mkdtempSync(join(tmpdir(), 'camkit-consumer-'));
await saveModel(model, join(dir, 'model'));
const loaded = await loadModel(join(dir, 'model', 'model.json'));
const a = tf.tidy(() => model.predict(images).dataSync());
const b = tf.tidy(() => loaded.predict(images).dataSync());
rmSync(dir, { recursive: true, force: true });

const npy = parseNpy(encodeNpy({ data: map, shape: [size, size] }));
console.log(
  JSON.stringify({
    method: result.method,
    layer: result.layer,
    heatmaps: result.heatmaps.length,
    shape: result.heatmaps[0].shape,
    min: Math.min(...map),
    max: Math.max(...map),
    samePredictions: a.every((v, i) => v === b[i]),
    npyShape: npy.shape,
    npyEqual: npy.data.every((v, i) => v === map[i]),
    rgbaLength: applyColormap(map).length,
    iouSelf: iou(data.boxes[0], data.boxes[0]),
  }),
);
