import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { CamFuse, GradcamPlusPlusWeights, GradcamWeights } from './kernel-names.js';
import { registerCamkitKernels } from './register.js';

describe('registerCamkitKernels', () => {
  it('registers cpu and wasm kernels, is idempotent, and skips webgpu when its backend is absent', async () => {
    const first = await registerCamkitKernels();
    const second = await registerCamkitKernels();
    expect(second).toEqual(first);
    expect(first).toContain('cpu');
    expect(first).toContain('wasm');
    // This worker never loaded tfjs-backend-webgpu, so its WGSL module must not have been imported either.
    expect(first).not.toContain('webgpu');
    for (const name of [CamFuse, GradcamWeights, GradcamPlusPlusWeights]) {
      expect(tf.getKernel(name, 'cpu')).toBeDefined();
      expect(tf.getKernel(name, 'wasm')).toBeDefined();
    }
    expect(tf.getGradient(CamFuse)).toBeDefined();
    expect(tf.getGradient(GradcamWeights)).toBeDefined();
  });

  it('core finds CamFuse under the contract name', async () => {
    const { CamFuse: coreName } = await import('@camkit/core');
    expect(tf.getKernel(coreName, 'cpu')?.kernelName).toBe('CamkitCamFuse');
  });
});
