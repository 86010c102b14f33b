import { type AnyModel, inspectModel, type ModelInfo } from '@camkit/core';
import { loadModel } from '@camkit/core/node';
import { CliError, isUserError, oneLine } from '../errors.js';

/** A model as core's loader returns it: a Layers model or a graph model. */
export type LoadedModel = AnyModel;

/**
 * Loads the model a command-line option names — Layers or graph, as its `format` says — through
 * core's `loadModel` (the one loader): core's one-line error (which names the file) is prefixed
 * with the option, e.g. `--model runs/x/model.json: weight file (listed in ...) not found: ...`.
 */
export async function loadModelOption(path: string, option = '--model'): Promise<LoadedModel> {
  try {
    return await loadModel(path);
  } catch (err) {
    if (isUserError(err)) throw new CliError(`${option} ${path}: ${oneLine(err)}`);
    throw err;
  }
}

/**
 * Core's `inspectModel` for the model an option names: its one-line error (e.g. a model whose
 * input is not an image) is prefixed with the option and path, like {@link loadModelOption}'s.
 */
export function inspectModelOption(model: LoadedModel, path: string, option = '--model'): ModelInfo {
  try {
    return inspectModel(model);
  } catch (err) {
    if (isUserError(err)) throw new CliError(`${option} ${path}: ${oneLine(err)}`);
    throw err;
  }
}
