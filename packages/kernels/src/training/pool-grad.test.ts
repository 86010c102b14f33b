import '@tensorflow/tfjs'; // gradient configs
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolGradCases } from '../../test/grad-suite.js';
import { registerTrainingKernels } from './register-training-kernels.js';

beforeAll(async () => {
  await registerTrainingKernels();
});

describe.each(['cpu', 'wasm'])('pool gradients on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  poolGradCases(backend);
});

describe('pool gradient registration', () => {
  it("is camkit's for every pool (no delegation to a stock kernel)", () => {
    expect(tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc.name).toBe('maxPoolGradWasm');
    expect(tf.getKernel('AvgPoolGrad', 'wasm')?.kernelFunc.name).toBe('avgPoolGradWasm');
    expect(tf.getKernel('AvgPoolGrad', 'cpu')?.kernelFunc.name).toBe('avgPoolGradCpu');
  });
});
