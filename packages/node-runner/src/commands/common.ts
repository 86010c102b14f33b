import * as tf from '@tensorflow/tfjs-core';
import { type Command, Option } from 'commander';
import { BACKEND_CHOICES, type BackendChoice, selectBackend } from '../backend/select-backend.js';
import type { Log } from '../log.js';

/** Adds `--backend` to a command. */
export function addBackendOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--backend <name>', 'tfjs backend (auto: tfjs-node-gpu, tfjs-node, webgpu, wasm, cpu)')
      .choices(BACKEND_CHOICES as string[])
      .default('auto'),
  );
}

/** Starts the backend and says which one runs and why the better ones were skipped. */
export async function startBackend(choice: BackendChoice, log: Log): Promise<string> {
  // Prod mode drops tfjs's debug checks and its "install tfjs-node" banner.
  tf.enableProdMode();
  const sel = await selectBackend(choice);
  log.info(`backend: ${sel.label}${sel.skipped.length ? ` (skipped ${sel.skipped.join('; ')})` : ''}`);
  return sel.name;
}
