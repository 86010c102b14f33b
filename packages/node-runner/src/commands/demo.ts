import { copyFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Method, SYNTHETIC_CLASS_NAMES, syntheticDataset } from '@camkit/core';
import { Command, Option } from 'commander';
import { evaluateModels, formatMetrics } from '../evaluate/evaluate-models.js';
import { linkRunFile } from '../explain/link-run-file.js';
import { type RunImage, type RunModel, writeExplainRun } from '../explain/write-run.js';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { writeJsonAtomic } from '@camkit/core/node';
import { defaultViewerDir } from '../view/viewer-dir.js';
import type { Log } from '../log.js';
import { startBackend } from '../backend/start-backend.js';
import { addBackendOption } from '../options/backend-option.js';
import { int } from '../options/arg-parsers.js';
import type { Arch } from '../train/build-model.js';
import { runTrain, type TrainCommandOptions } from '../train/run-train.js';

/**
 * The demo's settings, chosen so the whole run fits in about 3 minutes on a 2-core machine:
 * 32×32 inputs keep the no-pooling net's full-resolution feature maps cheap.
 */
interface DemoTrainSpec {
  filters: number[];
  epochs: number;
  lr: number;
  targetValAccuracy: number;
}

export const DEMO: {
  inputSize: number;
  count: number;
  seed: number;
  valSplit: number;
  batch: number;
  camnet: DemoTrainSpec;
  vggLike: DemoTrainSpec;
  explainPerClass: number;
  evalCount: number;
  evalLimit: number;
  camnetMethods: Method[];
  vggMethods: Method[];
} = {
  inputSize: 32,
  count: 1600,
  seed: 1,
  valSplit: 0.2,
  batch: 16,
  camnet: { filters: [16, 32, 32], epochs: 14, lr: 0.003, targetValAccuracy: 0.96 },
  vggLike: { filters: [16, 32, 64], epochs: 6, lr: 0.003, targetValAccuracy: 0.95 },
  explainPerClass: 4,
  evalCount: 200,
  evalLimit: 48,
  camnetMethods: ['cam', 'gradcam', 'guided-backprop', 'guided-gradcam'],
  vggMethods: ['cam', 'gradcam'],
};

const SMOKE: typeof DEMO = {
  ...DEMO,
  inputSize: 16,
  count: 48,
  batch: 8,
  camnet: { filters: [4, 8], epochs: 1, lr: 0.003, targetValAccuracy: 0.96 },
  vggLike: { filters: [4, 8], epochs: 1, lr: 0.003, targetValAccuracy: 0.95 },
  explainPerClass: 1,
  evalCount: 8,
  evalLimit: 2,
};

function toRgbBytes(x: Float32Array): Uint8Array {
  return Uint8Array.from(x, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

/** `camkit demo`: train, explain, compare and evaluate on the embedded synthetic shapes. */
interface DemoOptions {
  out?: string;
  seed: number;
  epochs?: number;
  backend: any;
  threads?: number;
  smoke?: boolean;
}

export function demoCommand(log: () => Log): Command {
  const cmd = new Command('demo')
    .description(
      'train camNet (no pooling) and a vgg-like net on synthetic shapes, explain, evaluate, then view',
    )
    .option('--out <dir>', 'run directory (default: runs/demo where you started)')
    .option('--seed <n>', 'seed for data, split and shuffling', int(0), DEMO.seed)
    .option(
      '--epochs <n>',
      'maximum camNet epochs, default 14 (stops early at 96% validation accuracy)',
      int(1),
    )
    .addOption(new Option('--smoke').hideHelp());
  addBackendOption(cmd);
  cmd.action(async (o: DemoOptions) => {
    // --smoke: the same pipeline at toy size, for the end-to-end test (seconds, not minutes).
    const cfg = o.smoke ? SMOKE : DEMO;
    const t0 = performance.now();
    // pnpm runs package scripts inside the package: resolve against where the user typed the command.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const out = resolve(cwd, o.out ?? 'runs/demo');
    const lg = log();
    // The backend is an option too: it must start before the first write.
    await startBackend(o.backend, lg, o.threads);
    ensureWritableDir(out);
    const size = cfg.inputSize;
    const common: Omit<TrainCommandOptions, 'arch' | 'out' | 'filters' | 'epochs' | 'lr'> = {
      synthetic: true,
      count: cfg.count,
      inputSize: size,
      batch: cfg.batch,
      valSplit: cfg.valSplit,
      seed: o.seed,
      // Off: the demo's clean synthetic shapes do not overfit in a few epochs, and it converges sooner.
      augment: false,
    };
    const trained: Record<string, Awaited<ReturnType<typeof runTrain>>> = {};
    // Each model: its run id, architecture, training settings and the methods its maps are made with.
    const specs: [string, Arch, DemoTrainSpec, Method[]][] = [
      ['camnet', 'camnet', { ...cfg.camnet, epochs: o.epochs ?? cfg.camnet.epochs }, cfg.camnetMethods],
      ['vgglike', 'vgg-like', cfg.vggLike, cfg.vggMethods],
    ];
    for (const [id, arch, s] of specs) {
      lg.info(`\n== training ${id} (${arch}, filters ${s.filters.join('/')}, ${size}×${size}) ==`);
      const t = performance.now();
      trained[id] = await runTrain(
        {
          ...common,
          arch,
          out: join(out, id),
          filters: [...s.filters],
          epochs: s.epochs,
          lr: s.lr,
          targetValAccuracy: s.targetValAccuracy,
        },
        lg,
      );
      const last = trained[id].history.epochs.at(-1)!;
      lg.info(
        `${id}: val accuracy ${(last.valAccuracy! * 100).toFixed(1)}% after ${trained[id].history.epochs.length} epochs (${((performance.now() - t) / 1000).toFixed(0)} s)`,
      );
    }
    const camAcc = trained.camnet.history.epochs.at(-1)!.valAccuracy!;
    if (camAcc < 0.95)
      lg.warn(`camnet reached only ${(camAcc * 100).toFixed(1)}% validation accuracy (target 95%)`);
    copyFileSync(join(out, 'camnet', 'history.json'), join(out, 'history.json'));

    // A balanced validation subset: the first few validation images of each class.
    const val = trained.camnet.val;
    const full = syntheticDataset({ count: cfg.count, size, seed: o.seed, classes: SYNTHETIC_CLASS_NAMES });
    const { valIndices } = trained.camnet;
    const picked: number[] = [];
    for (let k = 0; k < SYNTHETIC_CLASS_NAMES.length; k++) {
      let n = 0;
      for (let j = 0; j < val.labels.length && n < cfg.explainPerClass; j++) {
        if (val.labels[j] === k) {
          picked.push(j);
          n++;
        }
      }
    }
    const pixels = await val.read(picked);
    const images: RunImage[] = picked.map((j, p) => {
      const x = pixels[p].slice();
      const src = valIndices[j];
      return {
        id: `val-${String(src).padStart(4, '0')}-${SYNTHETIC_CLASS_NAMES[val.labels[j]]}`,
        rgb: toRgbBytes(x),
        width: size,
        height: size,
        input: async () => x,
        trueClass: val.labels[j],
        bbox: full.boxes[src] ?? null,
        mask: full.masks[src] ?? null,
      };
    });
    const classNames = [...SYNTHETIC_CLASS_NAMES];
    const models = specs.map(
      ([id, arch, , methods]): RunModel => ({
        entry: {
          id,
          path: `${id}/model.json`,
          arch,
          inputSize: [size, size],
          channels: 3,
          classNames,
          preprocess: 'unit',
        },
        model: trained[id].model,
        methods: [...methods],
      }),
    );
    lg.info(`\n== explaining ${images.length} validation images, every class ==`);
    const te = performance.now();
    const manifest = await writeExplainRun({
      outDir: out,
      images,
      models,
      classes: 'all',
      colormap: 'jet',
      alpha: 0.5,
      saveRaw: true,
      batchSize: 16,
      log: lg,
    });
    lg.info(`wrote ${manifest.outputs.length} maps (${((performance.now() - te) / 1000).toFixed(1)} s)`);

    lg.info(`\n== evaluating on ${cfg.evalCount} fresh synthetic images ==`);
    const ev = syntheticDataset({
      count: cfg.evalCount,
      size,
      seed: o.seed,
      start: cfg.count,
      classes: SYNTHETIC_CLASS_NAMES,
    });
    const metrics = await evaluateModels(
      {
        images: ev.images,
        labels: ev.labels,
        height: size,
        width: size,
        channels: 3,
        boxes: ev.boxes,
        masks: ev.masks,
      },
      [
        { id: 'camnet', model: trained.camnet.model, classNames },
        { id: 'vgglike', model: trained.vgglike.model, classNames },
      ],
      { methods: ['cam', 'gradcam'], limit: cfg.evalLimit, steps: 16, log: lg },
    );
    writeJsonAtomic(join(out, 'metrics.json'), metrics);
    linkRunFile(out, 'metrics');
    process.stdout.write(`\n${formatMetrics(metrics)}`);
    // Where each model's maps come from, and at what resolution, for the closing summary.
    const resolutionNote = ['camnet', 'vgglike']
      .map((id) => {
        const layer = manifest.outputs.find((x) => x.model === id && x.method === 'gradcam')?.layer;
        const shape = layer ? (trained[id].model.getLayer(layer).outputShape as number[]) : [];
        return `${id} maps come from ${layer} at ${shape[1]}×${shape[2]}`;
      })
      .join('; ');
    for (const t of Object.values(trained)) t.model.dispose();

    const seconds = (performance.now() - t0) / 1000;
    const rssMiB = process.resourceUsage().maxRSS / 1024;
    const rel = relative(cwd, out) || '.';
    process.stdout.write(
      `\ndemo finished in ${seconds.toFixed(0)} s (peak RSS ${rssMiB.toFixed(0)} MiB): ${out}\n` +
        `${resolutionNote} (input ${size}×${size}): without pooling the CAM keeps full resolution, the seed's finding\n` +
        (existsSync(join(defaultViewerDir() ?? '', 'index.html'))
          ? ''
          : 'the web viewer is not built yet: pnpm --filter @camkit/web-viewer build\n') +
        `open the viewer:  node packages/node-runner/bin/camkit.js view ${rel.startsWith('..') ? out : rel}\n`,
    );
  });
  return cmd;
}
