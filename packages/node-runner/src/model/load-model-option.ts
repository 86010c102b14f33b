import { isGraphModel } from '@camkit/core';
import { loadModel } from '@camkit/core/node';
import type * as tfl from '@tensorflow/tfjs-layers';
import { CliError, isUserError, oneLine } from '../errors.js';

/**
 * A model as the CLI uses it. Core's loader now also returns graph models; until the CLI's
 * commands take them (issue 9, CLI half), they are refused here with the one-line error below —
 * widen this to `Awaited<ReturnType<typeof loadModel>>` and drop the check when they do.
 */
export type LoadedModel = tfl.LayersModel;

/**
 * Loads the model a command-line option names, through core's `loadModel` (the one loader):
 * core's one-line error (which names the file) is prefixed with the option, e.g.
 * `--model runs/x/model.json: weight file (listed in ...) not found: ...`.
 */
export async function loadModelOption(path: string, option = '--model'): Promise<LoadedModel> {
  let model: Awaited<ReturnType<typeof loadModel>>;
  try {
    model = await loadModel(path);
  } catch (err) {
    if (isUserError(err)) throw new CliError(`${option} ${path}: ${oneLine(err)}`);
    throw err;
  }
  if (isGraphModel(model)) {
    model.dispose();
    throw new CliError(`${option} ${path}: a graph model; this command takes Layers models only for now`);
  }
  return model;
}
