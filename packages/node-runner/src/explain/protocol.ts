import type { ColormapName, Method, ModelEntry } from '@camkit/core';
/** What `camkit explain --concurrency N` (main thread) calls in its worker threads (worker.ts). */
import type { ImageFile } from './file-images.js';
import type { BatchResult, ClassSelection } from './write-run.js';

export interface ExplainInitArgs {
  /** The model.json to load (the worker loads its own copy, on its own wasm backend). */
  modelPath: string;
  /** XNNPACK threads: the main thread's, so a worker's maps equal the main thread's bit for bit. */
  wasmThreads: number;
  entry: ModelEntry;
  methods: Method[];
  layer?: string;
  classes: ClassSelection;
  colormap: ColormapName;
  alpha: number;
  saveRaw: boolean;
  outDir: string;
}

/** The explain worker's handlers (served with `serveWorker`, called through `WorkerClient`). */
export type ExplainHandlers = {
  init(args: ExplainInitArgs): Promise<void>;
  /** Explains one batch, writes its files and returns what the manifest needs of them. */
  batch(images: ImageFile[]): Promise<BatchResult>;
};
