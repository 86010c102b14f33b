import '@tensorflow/tfjs'; // gradient configs
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../backends.js';
import { depthwiseGradCases, dilatedConvGradCases, poolGradCases } from '../grad-suite.js';

// The gradient kernels CNN families need, on real Dawn (see ./setup.ts); same cases as cpu/wasm.
describe.each(['webgpu'])('gradient kernels on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  it("registerCamkitKernels put camkit's pool gradients in place of tfjs-webgpu's", () => {
    expect(tf.getKernel('MaxPoolGrad', backend)?.kernelFunc.name).toBe('maxPoolGradWebGPU');
    expect(tf.getKernel('AvgPoolGrad', backend)?.kernelFunc.name).toBe('avgPoolGradWebGPU');
  });
  depthwiseGradCases(backend, { kernels: false });
  poolGradCases(backend);
  // No camkit wasm kernels here: the portable forward-conv formulation (what the viewer runs).
  dilatedConvGradCases(backend);
});
