import { beforeAll, describe } from 'vitest';
import { useBackend } from '../backends.js';
import { camFuseCases, weightsCases } from '../cam-suite.js';

// Real Dawn (npm `webgpu`) on the adapter set up in ./setup.ts; fails, never skips, without one.
describe.each(['webgpu'])('fused CAM kernels on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  camFuseCases(backend);
  weightsCases(backend);
});
