#!/usr/bin/env node
// Converts the real Fashion-MNIST (Debian `dataset-fashion-mnist`: IDX gzip files) into the
// folder-per-class PNG layout `camkit train --data` reads: OUT/train/<class>/*.png and
// OUT/test/<class>/*.png. Class folders are prefixed with the dataset's label index so that
// camkit's sorted class order is Fashion-MNIST's own label order.
//
//   node packages/node-runner/scripts/fashion-mnist-to-folders.mjs --out data/fmnist
//   node packages/node-runner/scripts/fashion-mnist-to-folders.mjs --out data/fmnist-small --train-per-class 1000 --test-per-class 200
//   node packages/node-runner/scripts/fashion-mnist-to-folders.mjs --out data/fmnist64 --size 64   # 60,000 + 10,000 64x64 PNGs
//
// Options: --src DIR (default /usr/share/datasets/fashion-mnist), --out DIR (required),
// --train-per-class N / --test-per-class N (first N of each class, in file order; default all),
// --size S (resize to SxS with bilinear interpolation; default the dataset's own 28).
import { mkdirSync, readFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';

const CLASSES = [
  '0-tshirt-top',
  '1-trouser',
  '2-pullover',
  '3-dress',
  '4-coat',
  '5-sandal',
  '6-shirt',
  '7-sneaker',
  '8-bag',
  '9-ankle-boot',
];

function fail(msg) {
  process.stderr.write(`fashion-mnist-to-folders: error: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = {
    src: '/usr/share/datasets/fashion-mnist',
    out: null,
    train: Infinity,
    test: Infinity,
    size: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--src') o.src = v;
    else if (a === '--out') o.out = v;
    else if (a === '--train-per-class' || a === '--test-per-class') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) fail(`${a} expects a positive integer, got ${v}`);
      o[a === '--train-per-class' ? 'train' : 'test'] = n;
    } else if (a === '--size') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 8) fail(`--size expects an integer >= 8, got ${v}`);
      o.size = n;
    } else fail(`unknown option ${a}`);
    i++;
  }
  if (!o.out) fail('missing --out DIR');
  return o;
}

/** Reads an IDX file (gzip): magic 0x0000 0x08 <dims>, big-endian sizes, then uint8 data. */
function readIdx(path) {
  if (!existsSync(path)) fail(`${path}: not found (apt-get install -y dataset-fashion-mnist)`);
  const buf = gunzipSync(readFileSync(path));
  if (buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 8) fail(`${path}: not an unsigned-byte IDX file`);
  const dims = [];
  for (let d = 0; d < buf[3]; d++) dims.push(buf.readUInt32BE(4 + 4 * d));
  const data = buf.subarray(4 + 4 * buf[3]);
  if (data.length !== dims.reduce((a, b) => a * b, 1)) fail(`${path}: truncated`);
  return { dims, data };
}

async function writeSplit(src, prefix, outDir, perClass, size) {
  const images = readIdx(join(src, `${prefix}-images-idx3-ubyte.gz`));
  const labels = readIdx(join(src, `${prefix}-labels-idx1-ubyte.gz`));
  const [n, h, w] = images.dims;
  if (labels.dims[0] !== n) fail(`${prefix}: ${n} images but ${labels.dims[0]} labels`);
  for (const c of CLASSES) mkdirSync(join(outDir, c), { recursive: true });
  const counts = new Array(CLASSES.length).fill(0);
  const jobs = [];
  for (let i = 0; i < n; i++) {
    const label = labels.data[i];
    if (counts[label] >= perClass) continue;
    counts[label]++;
    const pixels = images.data.subarray(i * h * w, (i + 1) * h * w);
    const file = join(outDir, CLASSES[label], `${prefix}-${String(i).padStart(5, '0')}.png`);
    let img = sharp(pixels, { raw: { width: w, height: h, channels: 1 } });
    if (size) img = img.resize(size, size, { fit: 'fill', kernel: 'linear' });
    jobs.push(img.png().toFile(file));
    if (jobs.length >= 256) await Promise.all(jobs.splice(0));
  }
  await Promise.all(jobs);
  return counts.reduce((a, b) => a + b, 0);
}

const o = parseArgs(process.argv.slice(2));
// Written beside the target and renamed at the end, so an interrupted run leaves no half dataset.
const tmp = `${o.out}.partial`;
rmSync(tmp, { recursive: true, force: true });
const t0 = performance.now();
const nTrain = await writeSplit(o.src, 'train', join(tmp, 'train'), o.train, o.size);
const nTest = await writeSplit(o.src, 't10k', join(tmp, 'test'), o.test, o.size);
if (existsSync(o.out)) fail(`${o.out} already exists; remove it first (the new copy is in ${tmp})`);
renameSync(tmp, o.out);
process.stdout.write(
  `wrote ${nTrain} train + ${nTest} test PNGs (${o.size ?? 28}x${o.size ?? 28} grayscale, ${CLASSES.length} classes) to ${o.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);
