import type { Manifest } from '@camkit/core';
import { CliError } from '../errors.js';
import { startWorker } from '../workers/start-worker.js';
import type { Log } from '../log.js';
import { ProgressLine } from '../train/progress.js';
import type { ImageFile } from './file-images.js';
import type { ExplainInitMessage, FromExplainWorker, ToExplainWorker } from './protocol.js';
import { type BatchResult, batchesOf, finishRun, type RunModel } from './write-run.js';

/** Options of {@link explainInWorkers}: one model, image files, and what writeExplainRun takes. */
export interface ParallelExplainOptions extends Omit<ExplainInitMessage, 'type'> {
  /** The model in this thread, for the manifest's entry (workers load their own from modelPath). */
  model: RunModel;
  images: ImageFile[];
  batchSize: number;
  workers: number;
  log: Log;
}

/** A worker thread answering one request at a time; any failure rejects with a one-line error. */
class ExplainWorker {
  private pending: { resolve: (m: FromExplainWorker) => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;
  readonly worker = startWorker(import.meta.url);

  constructor() {
    this.worker.on('message', (msg: FromExplainWorker) => {
      if (msg.type === 'error') this.fail(msg.user ? new CliError(msg.message) : new Error(msg.message));
      else this.settle()?.resolve(msg);
    });
    this.worker.on('error', (err) => this.fail(new Error(err.message.split('\n')[0])));
    this.worker.on('exit', (code) => this.fail(new Error(`explain worker exited (code ${code})`)));
  }

  private settle() {
    const p = this.pending;
    this.pending = null;
    return p;
  }

  private fail(err: Error): void {
    this.failed ??= err;
    this.settle()?.reject(this.failed);
  }

  request(msg: ToExplainWorker): Promise<FromExplainWorker> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.pending = { resolve, reject };
      this.worker.postMessage(msg);
    });
  }
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
  const init: ExplainInitMessage = {
    type: 'init',
    modelPath: o.modelPath,
    entry: o.entry,
    methods: o.methods,
    layer: o.layer,
    classes: o.classes,
    colormap: o.colormap,
    alpha: o.alpha,
    saveRaw: o.saveRaw,
    outDir: o.outDir,
  };
  const workers = Array.from({ length: count }, () => new ExplainWorker());
  const results: BatchResult[] = new Array(batches.length);
  const progress = new ProgressLine();
  let next = 0;
  let done = 0;
  let stop = false;
  const drive = async (w: ExplainWorker): Promise<void> => {
    await w.request(init);
    while (!stop && next < batches.length) {
      const index = next++;
      const reply = await w.request({ type: 'batch', index, images: batches[index] });
      if (reply.type !== 'done' || reply.index !== index)
        throw new Error(`explain worker: unexpected reply ${reply.type}`);
      results[index] = reply.result;
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
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  if (failure) throw (failure as { err: unknown }).err;
  o.log.info(`explained ${o.images.length} image(s) with ${o.entry.id}: ${o.methods.join(', ')}`);
  return finishRun({ ...o, models: [o.model], createdAt }, results);
}
