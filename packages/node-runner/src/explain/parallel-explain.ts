import type { Manifest } from '@camkit/core';
import type { Log } from '../log.js';
import { ProgressLine } from '../train/progress.js';
import { wasmThreadsRunning } from '../backend/wasm-threads.js';
import { startWorker } from '../workers/start-worker.js';
import { WorkerClient } from '../workers/worker-client.js';
import type { ImageFile } from './file-images.js';
import type { ExplainHandlers, ExplainInitArgs } from './protocol.js';
import { type BatchResult, batchesOf, finishRun, type RunModel } from './write-run.js';

/** Options of {@link explainInWorkers}: one model, image files, and what writeExplainRun takes. */
export interface ParallelExplainOptions extends Omit<ExplainInitArgs, 'wasmThreads'> {
  /** The model in this thread, for the manifest's entry (workers load their own from modelPath). */
  model: RunModel;
  images: ImageFile[];
  batchSize: number;
  workers: number;
  log: Log;
}

/**
 * `camkit explain --concurrency N`: the same `--batch`-sized batches as in-process, handed to N
 * worker threads (each with its own wasm backend and model) as they become free; the results are
 * merged in batch order into one manifest.json, so every file and the manifest (but createdAt)
 * are identical to a run in this thread. Errors in a worker reject with its one-line message.
 */
export async function explainInWorkers(o: ParallelExplainOptions): Promise<Manifest> {
  const createdAt = new Date().toISOString();
  const batches = batchesOf(o.images, o.batchSize);
  const count = Math.min(o.workers, batches.length);
  const init: ExplainInitArgs = {
    modelPath: o.modelPath,
    wasmThreads: Math.max(1, wasmThreadsRunning()),
    entry: o.entry,
    methods: o.methods,
    layer: o.layer,
    classes: o.classes,
    colormap: o.colormap,
    alpha: o.alpha,
    saveRaw: o.saveRaw,
    outDir: o.outDir,
  };
  const workers = Array.from(
    { length: count },
    () => new WorkerClient<ExplainHandlers>(startWorker(import.meta.url), 'explain worker'),
  );
  const results: BatchResult[] = new Array(batches.length);
  const progress = new ProgressLine();
  let next = 0;
  let done = 0;
  let stop = false;
  const drive = async (w: WorkerClient<ExplainHandlers>): Promise<void> => {
    await w.call('init', init);
    while (!stop && next < batches.length) {
      const index = next++;
      results[index] = await w.call('batch', batches[index]);
      done += batches[index].length;
      progress.update(done, '');
    }
  };
  progress.start('explain', o.images.length);
  // On an error the other workers finish the batch in hand (no file is cut off mid-write) and stop.
  let failure: { err: unknown } | null = null;
  try {
    await Promise.all(
      workers.map((w) =>
        drive(w).catch((err: unknown) => {
          stop = true;
          failure ??= { err };
        }),
      ),
    );
  } finally {
    progress.stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw (failure as { err: unknown }).err;
  o.log.info(`explained ${o.images.length} image(s) with ${o.entry.id}: ${o.methods.join(', ')}`);
  return finishRun({ ...o, models: [o.model], createdAt }, results);
}
