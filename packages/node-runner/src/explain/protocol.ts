import type { ColormapName } from '@camkit/core';
/** Messages between `camkit explain --concurrency N` (main thread) and its worker threads. */
import type { Method, ModelEntry } from '@camkit/core';
import type { ImageFile } from './file-images.js';
import type { BatchResult, ClassSelection } from './write-run.js';

export interface ExplainInitMessage {
  type: 'init';
  /** The model.json to load (the worker loads its own copy, on its own wasm backend). */
  modelPath: string;
  entry: ModelEntry;
  methods: Method[];
  layer?: string;
  classes: ClassSelection;
  colormap: ColormapName;
  alpha: number;
  saveRaw: boolean;
  outDir: string;
}

export interface ExplainBatchMessage {
  type: 'batch';
  /** Index of the batch in the run; results are merged in this order. */
  index: number;
  images: ImageFile[];
}

export type ToExplainWorker = ExplainInitMessage | ExplainBatchMessage | { type: 'close' };

export type FromExplainWorker =
  | { type: 'ready' }
  | { type: 'done'; index: number; result: BatchResult }
  /** `user`: a CliError/CamkitError whose one-line message is shown as is. */
  | { type: 'error'; message: string; user: boolean };
