/**
 * Data-parallel training on worker threads, so training in Node uses every core even though
 * tfjs-backend-wasm runs one thread there.
 *
 * API
 * ```ts
 * const trainer = await createParallelTrainer({
 *   model,                 // a tfl.LayersModel with fixed input size and a softmax output
 *   workers: 2,            // default 2; each worker: its own tfjs wasm backend + model replica
 *   learningRate: 1e-3,    // Adam; also beta1, beta2, epsilon (tf.train.adam's defaults)
 *   backend: 'wasm',       // or 'cpu'; camkit's wasm training kernels are registered in workers
 *   applyOn: 'replicas',   // or 'main': see ParallelTrainerOptions.applyOn
 *   wasmThreads: 1,        // EXPERIMENTAL: > 1 runs tfjs's threaded wasm build in each worker
 * });
 * const { loss, accuracy } = await trainer.trainStep(xs, ys); // xs: Float32Array N·H·W·C, ys: Int32Array N labels
 * await trainer.copyWeightsTo(model);   // or getWeights(): Float32Array[] in model.getWeights() order
 * await trainer.setWeights(weights);    // e.g. after restoring a checkpoint
 * const slots = await trainer.getOptimizerWeights(); // Adam state for a checkpoint;
 * await trainer.setOptimizerWeights(slots);          // and back on --resume
 * await trainer.dispose();
 * ```
 * Each step splits the batch into one shard per worker; each worker computes the gradient of
 * Σ_shard cross-entropy / batchSize with `tf.variableGrads`, the main thread sums them (so the
 * result is exactly the full-batch mean gradient) and the same Adam update is applied to every
 * replica. Loss is sparse categorical cross-entropy on the model's probabilities (clipped at
 * 1e-7), the same as `tf.losses` / Keras' for a softmax output. Non-trainable state updated in the
 * forward pass (BatchNormalization moving statistics) is per replica; `getWeights` returns
 * replica 0's.
 *
 * Workers load `worker.js` beside this file in the built package; from TypeScript source (tsx,
 * vitest) they go through `src/workers/source-bootstrap.mjs`, which registers tsx and the
 * `@camkit/source` condition. Measured speed: packages/kernels/BENCHMARKS-training.md.
 *
 * `initThreadedWasmBackend(threads)` (src/backend/wasm-threads.ts; selectBackend uses it for wasm):
 * starts tfjs's threaded wasm build in Node, which tfjs 4.22 disables there; see its JSDoc.
 */
export type { OptimizerSlot } from './protocol.js';
export type { ParallelTrainer, ParallelTrainerOptions, StepResult } from './types.js';
export { createParallelTrainer } from './parallel-trainer.js';
export { initThreadedWasmBackend } from '../../backend/wasm-threads.js';
