import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WasmBackendLike } from '../wasm-kernel-calls.js';
import { generatedKernel } from './instantiate.js';
import { writeSumRowsModule } from './sum-rows-module.js';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generatedKernel', () => {
  it('instantiates a valid module without a word on stderr', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const backend = tf.backend() as unknown as WasmBackendLike;
    expect(generatedKernel(backend, 'test-valid', writeSumRowsModule)).not.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns null for a module that does not compile and says so once on stderr', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const backend = tf.backend() as unknown as WasmBackendLike;
    // A wasm header followed by garbage: what a runtime without SIMD makes of our modules.
    const broken = () => new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff]);
    expect(generatedKernel(backend, 'test-broken-1', broken)).toBeNull();
    expect(generatedKernel(backend, 'test-broken-2', broken)).toBeNull();
    expect(generatedKernel(backend, 'test-broken-1', broken)).toBeNull(); // cached
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/test-broken-1.*does not compile here.*fallbacks/);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('\n');
  });
});
