import * as tf from '@tensorflow/tfjs-core';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

export interface BackendChoice {
  /** The backend now active. */
  backend: BackendName;
  /** Backends tried before it, with why each was skipped. */
  skipped: { name: BackendName; reason: string }[];
}

const loaders: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/**
 * Activate the first backend that works, in order (default WebGPU, then WebGL, then CPU). Backend
 * modules are imported lazily so a browser without WebGPU never pays for it.
 */
export async function pickBackend(
  order: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'],
): Promise<BackendChoice> {
  const skipped: BackendChoice['skipped'] = [];
  for (const name of order) {
    try {
      if (name === 'webgpu' && !(globalThis.navigator as { gpu?: unknown } | undefined)?.gpu) {
        skipped.push({ name, reason: 'navigator.gpu is not available' });
        continue;
      }
      await loaders[name]();
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { backend: name, skipped };
      }
      skipped.push({ name, reason: 'initialisation failed' });
    } catch (e) {
      skipped.push({ name, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    }
  }
  throw new Error(
    `no TensorFlow.js backend works here (${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`,
  );
}
