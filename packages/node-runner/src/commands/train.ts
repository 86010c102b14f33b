import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startBackend } from '../backend/start-backend.js';
import { STREAM_MODES } from '../dataset/choose-streaming.js';
import type { Log } from '../log.js';
import { countOrAuto, float, int, intList, oneOf } from '../options/arg-parsers.js';
import { addBackendOption } from '../options/backend-option.js';
import { parseAugment } from '../options/parse-augment.js';
import { ARCHS } from '../train/build-model.js';
import { SCHEDULES } from '../train/recipe/lr-schedule.js';
import { INIT_SCHEMES } from '../train/seeded-init.js';
import { runTrain, type TrainCommandOptions } from '../train/run-train.js';

function augmentArg(value: string): string {
  try {
    parseAugment(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--augment \S+: /, ''));
  }
  return value;
}

/** `camkit train`. */
export function trainCommand(log: () => Log): Command {
  const cmd = new Command('train')
    .description('train a CNN classifier (camnet: no pooling, full-resolution CAM; vgg-like: pooling)')
    .option(
      '--data <dir>',
      'images: DIR/<class>/* or DIR/train|val|test/<class>/* (given split used; test/ left for evaluate)',
    )
    .option('--synthetic', "use @camkit/core's embedded synthetic shapes")
    .option('--classes <n>', 'synthetic: number of classes (default: all 4)', int(2))
    .option('--count <m>', 'synthetic: number of images', int(4), 800)
    .option('--arch <arch>', `architecture: ${ARCHS.join(' | ')}`, oneOf(ARCHS), 'camnet')
    .option(
      '--input-size <s>',
      "square input size in pixels (default: the images' own size when they all share one, else 64)",
      int(8),
    )
    .option(
      '--filters <list>',
      'conv filters (camnet: per layer; vgg-like: per block) (default: camnet 16,32,64,64; vgg-like 16,32,64)',
      intList,
    )
    .option(
      '--dilations <list>',
      'camnet: dilation rate of each conv, e.g. 1,2,4,8 (a 31-px receptive field instead of 9; same cost, still no pooling) (default: all 1)',
      intList,
    )
    .option(
      '--batch-norm',
      'camnet: BatchNormalization after each conv (folds into the conv; CAM stays exact)',
    )
    .option(
      '--init <scheme>',
      `kernel initialisation: auto | ${INIT_SCHEMES.join(' | ')} (auto: he for vgg-like; camnet: fan-in with --batch-norm, else glorot; fan-in is PyTorch's default)`,
      oneOf(['auto', ...INIT_SCHEMES]),
      'auto',
    )
    .option('--epochs <e>', 'epochs', int(1), 10)
    .option('--batch <b>', 'batch size', int(1), 32)
    .option('--lr <lr>', 'peak AdamW learning rate', float(0), 0.003)
    .option('--schedule <s>', `learning-rate schedule: ${SCHEDULES.join(' | ')}`, oneOf(SCHEDULES), 'cosine')
    .option('--warmup-epochs <e>', 'cosine: epochs of linear warm-up', float(0), 1)
    .option(
      '--weight-decay <wd>',
      'decoupled (AdamW) weight decay on kernels; 0: plain Adam',
      float(0, 1),
      0.01,
    )
    .option('--label-smoothing <e>', 'label smoothing of the cross-entropy', float(0, 0.99), 0.1)
    .option(
      '--augment <list>',
      'random augmentation: flip,shift | shift (digits, text: no mirror images) | flip | none (shift: up to 2 px)',
      augmentArg,
      'flip,shift',
    )
    .option('--no-augment', 'same as --augment none')
    .option('--balance', 'class-balanced sampling: every class drawn equally often (imbalanced folders)')
    .option(
      '--patience <n>',
      'stop after n epochs without a better validation accuracy (default: train every epoch); model.json is always the best epoch',
      int(1),
    )
    .option('--val-split <f>', 'validation fraction (unless DIR has val/)', float(0, 0.99), 0.2)
    .option('--seed <n>', 'seed for split, shuffling, augmentation and synthetic data', int(0), 0)
    .option('--strict', 'unreadable image files are an error instead of skipped')
    .option(
      '--stream <mode>',
      `--data: ${STREAM_MODES.join(' | ')}; on: keep only file names in memory and decode each batch from disk (bounded decode cache, next batches decoded ahead); auto: stream when all images decoded as float32 would exceed 1 GiB; same results either way`,
      oneOf(STREAM_MODES),
      'auto',
    )
    .option(
      '--cache-mib <n>',
      '--stream: decode cache of recently used images, in MiB (default: 256)',
      int(1),
    )
    .option('--resume', 'continue the run in --out from its last checkpoint')
    .option(
      '--workers <n>',
      "data-parallel worker threads; 'auto': 2 on wasm when two cores are free (1-min load ≤ cores - 1), else 1; on --resume the run's own count",
      countOrAuto,
      'auto',
    )
    .requiredOption('--out <dir>', 'run directory (model.json, weights.bin, camkit.json, history.json)');
  addBackendOption(cmd);
  cmd.action(async (o) => {
    await startBackend(o.backend, log(), o.threads);
    const t0 = performance.now();
    const { history, model } = await runTrain(o as TrainCommandOptions, log());
    model.dispose();
    const last = history.epochs.at(-1);
    process.stdout.write(
      `trained ${history.epochs.length} epochs in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
        (last?.valAccuracy != null ? `, val accuracy ${last.valAccuracy.toFixed(3)}` : '') +
        `; model: ${join(o.out, 'model.json')}\n`,
    );
  });
  return cmd;
}
