import { beforeAll, describe } from 'vitest';
import { useBackend } from '../../test/backends.js';
import { camFuseCases, weightsCases } from '../../test/cam-suite.js';

// The shared case table on the in-process backends; webgpu runs the same table in
// test/webgpu/cam-kernels.webgpu.test.ts (its own vitest project: it needs a Vulkan adapter).
describe.each(['cpu', 'wasm'])('fused CAM kernels on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });
  camFuseCases(backend);
  weightsCases(backend);
});
