import { join } from 'node:path';
import { type Preprocess, PreprocessSchema } from '@camkit/core';
import { Command } from 'commander';
import { ensureWritableDir } from '../fs/ensure-writable-dir.js';
import { saveModel, writeJsonAtomic } from '@camkit/core/node';
import { importKeras } from '../keras/import-keras.js';
import type { Log } from '../log.js';
import { startBackend } from '../backend/start-backend.js';
import { oneOf } from '../options/arg-parsers.js';
import { addBackendOption } from '../options/backend-option.js';

/** `camkit import-keras model.h5 --out DIR`. */
export function importKerasCommand(log: () => Log): Command {
  const cmd = new Command('import-keras')
    .description('convert a Keras 2 HDF5 model (.h5 with model_config) to a tfjs model.json + weights.bin')
    .argument('<model.h5>', 'Keras HDF5 file saved with model.save()')
    .requiredOption('--out <dir>', 'output directory')
    .option('--class-names <list>', 'comma-separated class names to record in camkit.json')
    .option(
      '--preprocess <p>',
      'preprocessing to record in camkit.json: unit | signed | imagenet',
      oneOf(PreprocessSchema.options),
      'unit' as Preprocess,
    );
  addBackendOption(cmd);
  cmd.action(
    async (
      h5: string,
      o: { out: string; backend: any; threads?: number; classNames?: string; preprocess: Preprocess },
    ) => {
      await startBackend(o.backend === 'auto' ? 'cpu' : o.backend, log(), o.threads);
      ensureWritableDir(o.out);
      const model = await importKeras(h5);
      await saveModel(model, o.out);
      const shape = model.inputs[0].shape;
      const outUnits = model.outputs[0].shape.at(-1) ?? 0;
      if (shape.length === 4 && shape[1] && shape[2]) {
        const names = o.classNames
          ? o.classNames.split(',')
          : Array.from({ length: outUnits }, (_, i) => `class${i}`);
        writeJsonAtomic(join(o.out, 'camkit.json'), {
          version: 1,
          arch: `keras:${model.name}`,
          classNames: names,
          inputSize: [shape[1], shape[2]],
          channels: shape[3] ?? 3,
          preprocess: o.preprocess,
        });
      }
      process.stdout.write(
        `converted ${h5}: ${model.layers.length} layers, ${model.countParams()} parameters -> ${join(o.out, 'model.json')}\n`,
      );
      model.dispose();
    },
  );
  return cmd;
}
