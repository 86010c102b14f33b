// Writes a small camkit run (the layout `camkit explain`/`demo` write) from core's synthetic data,
// without the CLI, so `pnpm dev` has something real to show:
//   pnpm sample [--out DIR] [--count N] [--size PX] [--epochs E]
// Two models: the no-pool camNet (CAM is full resolution) and a pooling vggLike (Grad-CAM is coarse).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  boxFromMap,
  camNet,
  deletionInsertion,
  explain,
  type History,
  iou,
  type Manifest,
  type Method,
  type MethodMetrics,
  type Metrics,
  pointingGame,
  syntheticDataset,
  vggLike,
} from '@camkit/core';
import { saveModel, writeNpyFile } from '@camkit/core/node';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { encodePngRgb } from './png.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '..', '.sample-run') },
    count: { type: 'string', default: '24' },
    size: { type: 'string', default: '32' },
    epochs: { type: 'string', default: '4' },
    seed: { type: 'string', default: '7' },
  },
});

const out = resolve(args.out!);
const count = Number(args.count);
const size = Number(args.size);
const epochs = Number(args.epochs);
for (const [k, v] of Object.entries({ count, size, epochs })) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`make-sample-run: --${k} must be a positive integer`);
    process.exit(2);
  }
}

await tf.setBackend('cpu');
const ds = syntheticDataset({ count, size, seed: Number(args.seed) });
const classNames = [...ds.classNames];
const numClasses = classNames.length;
const x = tf.tensor4d(ds.images, [count, size, size, 3]);
const y = tf.oneHot(tf.tensor1d(ds.labels, 'int32'), numClasses);

const tmp = `${out}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(join(tmp, 'images'), { recursive: true });

const models: { id: string; arch: string; model: LayersModel; methods: Method[] }[] = [
  {
    id: 'camnet',
    arch: 'camNet',
    model: camNet({ inputSize: size, filters: [8, 16], numClasses }),
    methods: ['cam', 'gradcam', 'guided-gradcam'],
  },
  {
    id: 'vgglike',
    arch: 'vggLike',
    model: vggLike({ inputSize: size, blocks: [[8], [16]], numClasses }),
    methods: ['gradcam'],
  },
];

const history: History = { epochs: [] };
for (const m of models) {
  m.model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  let t0 = performance.now();
  await m.model.fit(x, y, {
    epochs,
    batchSize: 8,
    validationSplit: 0.25,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        // history.json describes one training run: the no-pool net, the one the run is about.
        if (m.id === 'camnet') {
          history.epochs.push({
            epoch,
            loss: logs?.loss ?? Number.NaN,
            accuracy: logs?.acc ?? logs?.accuracy ?? Number.NaN,
            valLoss: logs?.val_loss ?? null,
            valAccuracy: logs?.val_acc ?? logs?.val_accuracy ?? null,
            seconds: (performance.now() - t0) / 1000,
          });
        }
        t0 = performance.now();
        console.log(`${m.id} epoch ${epoch + 1}/${epochs} loss ${logs?.loss?.toFixed(3)}`);
      },
    },
  });
  await saveModel(m.model, join(tmp, 'model', m.id));
}

const manifest: Manifest = {
  version: 1,
  createdAt: new Date().toISOString(),
  tool: 'camkit web-viewer sample',
  colormap: 'jet',
  alpha: 0.5,
  models: models.map((m) => ({
    id: m.id,
    arch: m.arch,
    path: `model/${m.id}/model.json`,
    inputSize: [size, size],
    channels: 3,
    classNames,
    preprocess: 'unit',
  })),
  images: [],
  outputs: [],
};

const ids = Array.from({ length: count }, (_, i) => `img-${String(i).padStart(4, '0')}`);
for (let i = 0; i < count; i++) {
  const px = ds.images.subarray(i * size * size * 3, (i + 1) * size * size * 3);
  const rgb = Uint8Array.from(px, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  writeFileSync(join(tmp, 'images', `${ids[i]}.png`), encodePngRgb(rgb, size, size));
  manifest.images.push({
    id: ids[i],
    file: `images/${ids[i]}.png`,
    width: size,
    height: size,
    trueClass: ds.labels[i],
    bbox: ds.boxes[i],
    mask: null,
    predictions: {},
  });
}

const confusions: Metrics['models'] = [];
const methodMetrics: MethodMetrics[] = [];
const FRACTIONS = ['0.15', '0.2'];
for (const m of models) {
  const confusion = classNames.map(() => classNames.map(() => 0));
  for (const method of m.methods) {
    const r = await explain(m.model, x, { method, targets: method === 'guided-gradcam' ? 'pred' : 'all' });
    r.predictions.forEach((p, i) => {
      manifest.images[i].predictions[m.id] = {
        predicted: p.predicted,
        probabilities: Array.from(p.probabilities),
      };
    });
    if (method !== 'guided-gradcam') methodMetrics.push(await scoreMethod(m.id, m.model, method, r));
    for (const h of r.heatmaps) {
      const id = ids[h.imageIndex];
      const npy = `${id}/${m.id}-${method}-${h.classIndex}.npy`;
      mkdirSync(join(tmp, id), { recursive: true });
      writeNpyFile(join(tmp, npy), { data: h.map, shape: h.shape });
      manifest.outputs.push({
        image: id,
        model: m.id,
        method,
        layer: r.layer,
        classIndex: h.classIndex,
        className: classNames[h.classIndex],
        npy,
        shape: h.shape,
        heatmap: null,
        overlay: null,
        raw: null,
      });
    }
  }
  manifest.images.forEach((img) => {
    confusion[img.trueClass!][img.predictions[m.id].predicted] += 1;
  });
  const correct = confusion.reduce((s, row, t) => s + row[t], 0);
  confusions.push({ model: m.id, classNames, accuracy: correct / count, confusion, count });
}

const metrics: Metrics = { version: 1, models: confusions, methods: methodMetrics };
writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
writeFileSync(join(tmp, 'history.json'), JSON.stringify(history, null, 2));
writeFileSync(join(tmp, 'metrics.json'), JSON.stringify(metrics, null, 2));
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
x.dispose();
y.dispose();
console.log(`sample run: ${out} (${count} images, ${manifest.outputs.length} maps)`);

/** Pointing game, localization error / IoU and deletion/insertion of the predicted-class maps. */
async function scoreMethod(
  modelId: string,
  model: LayersModel,
  method: Method,
  r: Awaited<ReturnType<typeof explain>>,
): Promise<MethodMetrics> {
  const hits: boolean[] = [];
  const errors: Record<string, number[]> = Object.fromEntries(FRACTIONS.map((f) => [f, []]));
  const ious: Record<string, number[]> = Object.fromEntries(FRACTIONS.map((f) => [f, []]));
  const del: number[][] = [];
  const ins: number[][] = [];
  for (let i = 0; i < count; i++) {
    const pred = r.predictions[i].predicted;
    const h = r.heatmaps.find((x) => x.imageIndex === i && x.classIndex === pred)!;
    hits.push(pointingGame(h.map, size, size, ds.boxes[i]).hit);
    for (const f of FRACTIONS) {
      const box = boxFromMap(h.map, size, size, Number(f));
      const overlap = box ? iou(box, ds.boxes[i]) : 0;
      ious[f].push(overlap);
      errors[f].push(pred !== ds.labels[i] || overlap < 0.5 ? 1 : 0);
    }
    const img = tf.tensor4d(ds.images.subarray(i * size * size * 3, (i + 1) * size * size * 3), [
      1,
      size,
      size,
      3,
    ]);
    const di = await deletionInsertion((b) => model.predict(b) as tf.Tensor2D, img, h.map, {
      steps: 16,
      classIndex: pred,
    });
    img.dispose();
    del.push(di.deletion.scores);
    ins.push(di.insertion.scores);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanCurve = (cs: number[][]) => cs[0].map((_, k) => mean(cs.map((c) => c[k])));
  const trapezoid = (c: number[]) => mean(c.slice(1).map((v, k) => (v + c[k]) / 2));
  const deletionCurve = meanCurve(del);
  const insertionCurve = meanCurve(ins);
  return {
    method,
    model: modelId,
    pointingGame: mean(hits.map(Number)),
    localizationError: Object.fromEntries(FRACTIONS.map((f) => [f, mean(errors[f])])),
    meanIoU: Object.fromEntries(FRACTIONS.map((f) => [f, mean(ious[f])])),
    deletionAuc: trapezoid(deletionCurve),
    insertionAuc: trapezoid(insertionCurve),
    deletionCurve,
    insertionCurve,
    averageDrop: null,
    increaseInConfidence: null,
  };
}
