import * as tf from '@tensorflow/tfjs-core';
import type { Log } from '../log.js';
import { type BackendChoice, selectBackend } from './select-backend.js';

/** Starts the backend and says which one runs and why the better ones were skipped. */
export async function startBackend(choice: BackendChoice, log: Log, threads?: number): Promise<string> {
  // Prod mode drops tfjs's debug checks and its "install tfjs-node" banner.
  tf.enableProdMode();
  const sel = await selectBackend(choice, { threads });
  log.info(`backend: ${sel.label}${sel.skipped.length ? ` (skipped ${sel.skipped.join('; ')})` : ''}`);
  return sel.name;
}
