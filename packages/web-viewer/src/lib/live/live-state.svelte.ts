import {
  type AnyModel,
  type ExplainResult,
  explain,
  loadModelFromUrl,
  METHODS,
  type Method,
  type ModelEntry,
} from '@camkit/core';
import * as tf from '@tensorflow/tfjs-core';
import { runFileUrl } from '../run/run-url.js';
import { type BackendChoice, type PickBackendOptions, pickBackend } from './backend.js';
import type { LiveInput } from './live-input.js';

/** Methods live mode offers: every one core's explain() has. */
export const LIVE_METHODS: readonly Method[] = METHODS;

/** A model live mode explains: a Layers or graph model, as core's loadModelFromUrl returns it. */
export type LiveModel = AnyModel;

export type { LiveInput } from './live-input.js';

/** What the last explain produced, with its timing. */
export interface LiveResult {
  method: Method;
  backend: string;
  classIndex: number;
  map: Float32Array;
  shape: number[];
  /** CAM methods: the layer-resolution map before ReLU and min-max (see Heatmap.raw). */
  raw?: Float32Array;
  probabilities: Float32Array;
  predicted: number;
  /** Wall time of the explain call, ms (the first call includes shader compilation). */
  ms: number;
  /** Live tensors after the call (tf.memory().numTensors): steady across calls when nothing leaks. */
  tensors: number;
}

/**
 * Live mode: one backend, one loaded model, one input image, one result. Heavy objects (model,
 * arrays) are raw state: they are replaced, never mutated.
 */
export class LiveState {
  backend = $state.raw<BackendChoice | null>(null);
  /** Whether camkit's fused kernels are registered for the active backend. */
  kernels = $state<'registered' | 'not for this backend' | 'unavailable' | 'pending'>('pending');
  kernelsNote = $state('');
  status = $state('');
  busy = $state(false);
  error = $state<string | null>(null);
  modelId = $state('');
  model = $state.raw<LiveModel | null>(null);
  input = $state.raw<LiveInput | null>(null);
  result = $state.raw<LiveResult | null>(null);
  method = $state<Method>('gradcam');

  /**
   * Pick the backend (WebGPU on a hardware adapter, else WebGL / wasm / CPU; see pickBackend) and
   * register camkit's kernels once: the fused CAM kernels, and on wasm the convolution kernels.
   */
  async init(opts: PickBackendOptions = {}, withKernels = true): Promise<void> {
    if (this.backend) return;
    this.status = 'Starting TensorFlow.js…';
    try {
      this.backend = await pickBackend(opts);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.status = '';
      return;
    }
    if (!withKernels) {
      this.kernels = 'unavailable';
      this.kernelsNote = 'turned off by ?kernels=off';
      this.status = '';
      return;
    }
    try {
      const kernels = await import('@camkit/kernels');
      const withKernels = await kernels.registerCamkitKernels();
      // wasm lacks fast conv gradients; camkit's are what make explaining there quick.
      if (tf.getBackend() === 'wasm') kernels.registerWasmTrainingKernels();
      // webgl has no fused kernels: explain then runs on plain tfjs ops.
      this.kernels = withKernels.includes(tf.getBackend()) ? 'registered' : 'not for this backend';
    } catch (e) {
      // The explain still runs on tfjs ops; say so instead of failing.
      this.kernels = 'unavailable';
      this.kernelsNote = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    this.status = '';
  }

  /** Load a model of the run (its model.json path is run-relative). */
  async loadModel(base: string, entry: ModelEntry): Promise<void> {
    if (this.modelId === entry.id && this.model) return;
    this.busy = true;
    this.error = null;
    this.status = `Loading model ${entry.id}…`;
    try {
      if (entry.path.startsWith('/') || /^[a-z]:[\\/]/i.test(entry.path)) {
        // A model outside the run dir is written as a file-system path, which the browser cannot fetch.
        throw new Error(
          `the model is outside the run directory (${entry.path}); camkit view serves only the run, so save the model inside it`,
        );
      }
      const url = /^[a-z]+:\/\//i.test(entry.path) ? entry.path : runFileUrl(base, entry.path);
      const model = await loadModelFromUrl(url);
      this.model?.dispose();
      this.model = model;
      this.modelId = entry.id;
      this.result = null;
      this.status = '';
    } catch (e) {
      this.error = `Could not load model ${entry.id}: ${e instanceof Error ? e.message : e}`;
      this.status = '';
    } finally {
      this.busy = false;
    }
  }

  setInput(input: LiveInput): void {
    this.input = input;
    this.result = null;
  }

  /** Explain the current input with the current method for `classIndex` (default: the predicted class). */
  async run(classIndex?: number): Promise<void> {
    const model = this.model;
    const input = this.input;
    if (!model || !input || !this.backend) return;
    this.busy = true;
    this.error = null;
    this.status = `Computing ${this.method} on ${tf.getBackend()}…`;
    const x = tf.tensor4d(input.data, [1, input.height, input.width, input.channels]);
    let result: Omit<LiveResult, 'tensors'> | null = null;
    try {
      const t0 = performance.now();
      const r: ExplainResult = await explain(model, x, {
        method: this.method,
        targets: classIndex === undefined ? 'pred' : [classIndex],
      });
      const ms = performance.now() - t0;
      const h = r.heatmaps[0];
      const p = r.predictions[0];
      result = {
        method: this.method,
        backend: tf.getBackend(),
        classIndex: h.classIndex,
        map: h.map,
        shape: h.shape,
        raw: h.raw,
        probabilities: p.probabilities,
        predicted: p.predicted,
        ms,
      };
      this.status = '';
    } catch (e) {
      this.error = `${this.method} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`;
      this.status = '';
    } finally {
      x.dispose();
      this.busy = false;
    }
    // Counted after the input is disposed, so a steady count across runs means nothing leaks.
    if (result) this.result = { ...result, tensors: tf.memory().numTensors };
  }
}
