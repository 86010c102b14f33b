import * as tf from '@tensorflow/tfjs-core';
import { registerCamkitKernels } from '../src/index.js';

/** Loads and activates a tfjs backend by name, then registers the camkit kernels; fails loudly. */
export async function useBackend(name: string): Promise<void> {
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  else if (name === 'webgpu') {
    if (!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) {
      throw new Error(
        'navigator.gpu is missing: run the webgpu tests through their vitest project (test/webgpu/setup.ts)',
      );
    }
    await import('@tensorflow/tfjs-backend-webgpu');
  } else throw new Error(`unknown backend ${name}`);
  // Run every op on the GPU, so the poisoning NaN tensors really occupy GPU buffers.
  if (name === 'webgpu') tf.env().set('WEBGPU_CPU_FORWARD', false);
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' failed to initialise`);
  await tf.ready();
  const registered = await registerCamkitKernels();
  if (!registered.includes(name)) throw new Error(`camkit kernels not registered for ${name}: ${registered}`);
}

/** Data buffers the active backend holds (catches a kernel's leaked intermediates). */
export function backendBuffers(): number {
  return (tf.engine().backend as unknown as { numDataIds(): number }).numDataIds();
}

/**
 * Poisons the backend's allocator for `shapes`: NaN tensors of those sizes are made and freed so
 * that a kernel reusing the memory shows any element it fails to write (webgpu recycles buffers
 * by size; wasm's malloc reuses freed blocks).
 */
export async function poisonPool(shapes: number[][]): Promise<void> {
  for (const shape of shapes) {
    const t = tf.fill(shape, Number.NaN);
    // Reading waits for the GPU, so the buffer is free (not owned by queued work) when disposed.
    await t.data();
    t.dispose();
  }
}
