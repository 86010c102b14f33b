import '@tensorflow/tfjs'; // gradient configs
import { beforeAll, describe } from 'vitest';
import { useBackend } from '../backends.js';
import { depthwiseGradCases } from '../grad-suite.js';

// The gradient kernels CNN families need, on real Dawn (see ./setup.ts); same cases as cpu/wasm.
describe.each(['webgpu'])('gradient kernels on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  depthwiseGradCases(backend, { dilated: false });
});
