import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type History, HistorySchema, validateWithSchema } from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { z } from 'zod';
import { CliError } from '../errors.js';
import { writeFileAtomic, writeJsonAtomic } from '@camkit/core/node';
import { restoreAdam } from './recipe/restore-adam.js';

const WeightSpecsSchema = z.array(
  z.looseObject({ name: z.string(), shape: z.array(z.number().int().nonnegative()), dtype: z.string() }),
);
const WeightFileSchema = z.object({ file: z.string().min(1), specs: WeightSpecsSchema });

/** Everything needed to continue training after a crash, written after each finished epoch. */
export const CheckpointStateSchema = z.object({
  version: z.literal(1),
  /** Epochs completed so far. */
  epochsDone: z.number().int().nonnegative(),
  rngState: z.number().int().nonnegative(),
  /** The settings of the run being resumed; a resume must match them. */
  config: z.record(z.string(), z.unknown()),
  // Loose: every field the trainer records per epoch survives a resume, whatever it adds later.
  history: z.looseObject({ epochs: z.array(HistorySchema.shape.epochs.element.loose()) }),
  /** The epoch with the best validation accuracy so far (what model.json holds). */
  best: z.object({ epoch: z.number().int().nonnegative(), valAccuracy: z.number() }).optional(),
  /** Worker threads the run trained with (a resume with `--workers auto` keeps the count). */
  workers: z.number().int().positive().optional(),
  weights: WeightFileSchema,
  optimizer: WeightFileSchema,
});

/** A checkpoint.json as written (the weight specs are tfjs's WeightsManifestEntry). */
export type CheckpointState = Omit<
  z.infer<typeof CheckpointStateSchema>,
  'history' | 'weights' | 'optimizer'
> & {
  history: History;
  weights: { file: string; specs: tf.io.WeightsManifestEntry[] };
  optimizer: { file: string; specs: tf.io.WeightsManifestEntry[] };
};

const STATE = 'checkpoint.json';
const DIR = 'checkpoint';

async function encode(named: { name: string; tensor: tf.Tensor }[]) {
  const { data, specs } = await tf.io.encodeWeights(named);
  return { bytes: new Uint8Array(data as ArrayBuffer), specs };
}

/**
 * Writes the checkpoint for `epochsDone`: weight and optimizer files named by epoch first, then
 * checkpoint.json pointing at them (atomic rename), then removes older files. A kill -9 at any
 * moment leaves checkpoint.json naming complete files.
 */
export async function writeCheckpoint(
  runDir: string,
  model: tfl.LayersModel,
  optimizerSlots: { name: string; tensor: tf.Tensor }[],
  state: Omit<CheckpointState, 'version' | 'weights' | 'optimizer'>,
): Promise<void> {
  const w = await encode(model.weights.map((v) => ({ name: v.originalName, tensor: v.read() })));
  // Adam's two slots per variable share one name: prefix the position so decodeWeights keeps both.
  const o = await encode(optimizerSlots.map((w, i) => ({ name: `${i}|${w.name}`, tensor: w.tensor })));
  const wFile = `${DIR}/weights-e${state.epochsDone}.bin`;
  const oFile = `${DIR}/optimizer-e${state.epochsDone}.bin`;
  writeFileAtomic(join(runDir, wFile), w.bytes);
  writeFileAtomic(join(runDir, oFile), o.bytes);
  const full: CheckpointState = {
    version: 1,
    ...state,
    weights: { file: wFile, specs: w.specs },
    optimizer: { file: oFile, specs: o.specs },
  };
  writeJsonAtomic(join(runDir, STATE), full);
  for (const f of readdirSync(join(runDir, DIR))) {
    if (`${DIR}/${f}` !== wFile && `${DIR}/${f}` !== oFile) rmSync(join(runDir, DIR, f), { force: true });
  }
}

/** Reads checkpoint.json, or null when the run has none. */
export function readCheckpoint(runDir: string): CheckpointState | null {
  const p = join(runDir, STATE);
  if (!existsSync(p)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(p, 'utf8'));
  } catch (err) {
    throw new CliError(`${p}: unreadable checkpoint (${(err as Error).message.split('\n')[0]})`);
  }
  return validateWithSchema(CheckpointStateSchema, json, p) as CheckpointState;
}

function readBytes(runDir: string, file: string): ArrayBuffer {
  const b = readFileSync(join(runDir, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** Adam's state as saved: iterations, first moments, second moments (trainable-variable order). */
export interface SavedSlot {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** Loads a checkpoint's weights into `model` and returns the saved optimizer slots. */
export async function restoreCheckpoint(
  runDir: string,
  state: CheckpointState,
  model: tfl.LayersModel,
): Promise<SavedSlot[]> {
  const weights = tf.io.decodeWeights(readBytes(runDir, state.weights.file), state.weights.specs);
  const byName = model.weights.map((v) => {
    const t = weights[v.originalName];
    if (!t) throw new CliError(`${join(runDir, STATE)}: checkpoint lacks weight ${v.originalName}`);
    return t;
  });
  model.setWeights(byName);
  tf.dispose(Object.values(weights));
  const slots = tf.io.decodeWeights(readBytes(runDir, state.optimizer.file), state.optimizer.specs);
  const out = state.optimizer.specs.map((s) => ({
    name: s.name.slice(s.name.indexOf('|') + 1),
    shape: s.shape,
    data: slots[s.name].dataSync() as Float32Array,
  }));
  tf.dispose(Object.values(slots));
  return out;
}

/** Puts saved slots into a tfjs optimizer (main-thread training), bit-exactly. */
export async function setOptimizerSlots(optimizer: tf.Optimizer, slots: SavedSlot[]): Promise<void> {
  await restoreAdam(optimizer, slots);
}
