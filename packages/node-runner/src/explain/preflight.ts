import type { Method, ModelEntry } from '@camkit/core';
import { explain } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type { LoadedModel } from '../model/load-model-option.js';
import { CliError } from '../errors.js';
import type { RunImage } from './write-run.js';

/**
 * Runs each method once on the first image before anything is written, so an unknown layer or
 * `cam` on a model without GAP→Dense fails fast with nothing half-written.
 */
export async function preflight(
  model: LoadedModel,
  entry: Pick<ModelEntry, 'inputSize'> & { channels?: number },
  image: Pick<RunImage, 'input'>,
  methods: Method[],
  layer?: string,
  methodOption = '--method',
): Promise<void> {
  const [h, w] = entry.inputSize;
  const xs = tf.tensor4d(await image.input(h, w), [1, h, w, entry.channels ?? 3]);
  try {
    for (const method of methods) {
      try {
        await explain(model, xs, { method, layer, targets: 'pred', samples: 2, steps: 2 });
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0];
        throw new CliError(`${methodOption} ${method}${layer ? ` --layer ${layer}` : ''}: ${msg}`);
      }
    }
  } finally {
    xs.dispose();
  }
}
