import { CamFuse, GradcamWeights } from '@camkit/core';
import { relaxedSimdInUse } from '@camkit/kernels';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WASM_THREADS, selectBackend } from './select-backend.js';
import { wasmThreadsRunning } from './wasm-threads.js';

describe('selectBackend', () => {
  it("registers @camkit/kernels' fused CAM kernels for the backend it starts (and wasm's training kernels)", async () => {
    // Nothing in this process has registered them yet, so what follows is selectBackend's doing.
    expect(tf.getKernel(CamFuse, 'cpu')).toBeUndefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    const cpu = await selectBackend('cpu');
    expect(cpu.name).toBe('cpu');
    expect(tf.getKernel(CamFuse, 'cpu')).toBeDefined();
    expect(tf.getKernel(GradcamWeights, 'cpu')).toBeDefined();
    const wasm = await selectBackend('wasm');
    // Node 20 has relaxed SIMD behind a flag, which selectBackend sets: the kernels then fuse. By
    // default XNNPACK runs one thread, and the label says how many run.
    expect(DEFAULT_WASM_THREADS).toBe(1);
    expect(wasmThreadsRunning()).toBe(1);
    expect(wasm.label).toBe('wasm (SIMD + FMA, 1 thread)');
    expect(relaxedSimdInUse()).toBe(true);
    expect(tf.getKernel(CamFuse, 'wasm')).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });
});
