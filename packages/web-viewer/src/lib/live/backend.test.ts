import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BackendName, type GpuLike, pickBackend } from './backend.js';
import { softwareAdapter } from './software-adapter.js';

/** Loaders that record the order they are called in; all but cpu fail like a missing backend. */
function recordingLoaders() {
  const called: BackendName[] = [];
  const fail = (name: BackendName) => async () => {
    called.push(name);
    throw new Error(`${name} stub`);
  };
  return {
    called,
    loaders: {
      webgpu: fail('webgpu'),
      webgl: fail('webgl'),
      wasm: fail('wasm'),
      cpu: async () => {
        called.push('cpu');
        await import('@tensorflow/tfjs-backend-cpu');
      },
    },
  };
}

const gpuWith = (adapter: unknown): GpuLike => ({ requestAdapter: async () => adapter as never });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pickBackend', () => {
  it('skips WebGPU without an adapter, never starting tfjs-webgpu, and logs nothing', async () => {
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const { called, loaders } = recordingLoaders();
    const r = await pickBackend({ order: ['webgpu', 'cpu'], gpu: gpuWith(null), loaders });
    expect(r.backend).toBe('cpu');
    expect(r.skipped).toEqual([{ name: 'webgpu', reason: expect.stringMatching(/^no WebGPU adapter/) }]);
    expect(called).toEqual(['cpu']);
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    // In the default order, wasm comes next: a browser without an adapter has no fast WebGL either.
    const next = recordingLoaders();
    await pickBackend({ gpu: gpuWith(null), loaders: next.loaders });
    expect(next.called).toEqual(['wasm', 'webgl', 'cpu']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('passes a fallback adapter over for wasm (before webgl) and says why', async () => {
    const { called, loaders } = recordingLoaders();
    const gpu = gpuWith({ info: { isFallbackAdapter: true, description: 'SwiftShader Device (Subzero)' } });
    const r = await pickBackend({ gpu, loaders });
    expect(called).toEqual(['wasm', 'webgl', 'cpu']);
    expect(r.skipped[0]).toEqual({
      name: 'webgpu',
      reason: expect.stringMatching(/^software adapter \(SwiftShader Device \(Subzero\)\): wasm is faster/),
    });
  });

  it('keeps the default order on a hardware adapter', async () => {
    const { called, loaders } = recordingLoaders();
    const gpu = gpuWith({ info: { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'hopper' } });
    await pickBackend({ gpu, loaders });
    expect(called).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('uses a software adapter when WebGPU is forced, and fails loudly when nothing works', async () => {
    const { called, loaders } = recordingLoaders();
    const gpu = gpuWith({ isFallbackAdapter: true });
    await expect(pickBackend({ order: ['webgpu'], gpu, loaders })).rejects.toThrow(
      /^no TensorFlow.js backend works here \(webgpu: webgpu stub\)$/,
    );
    expect(called).toEqual(['webgpu']);
  });
});

describe('softwareAdapter', () => {
  it('reads the flag from info, the old requestAdapterInfo() or the adapter itself', async () => {
    expect((await softwareAdapter({ info: { isFallbackAdapter: true } })).software).toBe(true);
    expect((await softwareAdapter({ isFallbackAdapter: true })).software).toBe(true);
    const old = await softwareAdapter({
      requestAdapterInfo: async () => ({ isFallbackAdapter: true, vendor: 'google' }),
    });
    expect(old).toEqual({ software: true, name: 'google' });
  });

  it('recognises CPU drivers by name when the flag is missing, and not real GPUs', async () => {
    expect((await softwareAdapter({ info: { vendor: 'mesa', device: 'llvmpipe (LLVM 15)' } })).software).toBe(
      true,
    );
    expect((await softwareAdapter({ info: { vendor: 'apple', architecture: 'metal-3' } })).software).toBe(
      false,
    );
    expect(await softwareAdapter({})).toEqual({ software: false, name: 'unnamed adapter' });
  });
});
