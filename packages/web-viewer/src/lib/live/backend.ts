import * as tf from '@tensorflow/tfjs-core';
import { type AdapterLike, softwareAdapter } from './software-adapter.js';

export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** Every backend live mode can run on, in its default order of preference. */
export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  /** The backend now active. */
  backend: BackendName;
  /** Backends tried before it, with why each was skipped. */
  skipped: { name: BackendName; reason: string }[];
}

/** Where `navigator.gpu` comes from (a parameter so tests can stand in for a browser). */
export interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

export interface PickBackendOptions {
  /** Backends to try, in order (default {@link BACKENDS}). A single entry forces that backend. */
  order?: readonly BackendName[];
  /** Default: `navigator.gpu`. */
  gpu?: GpuLike | null;
  /** Backend module loaders (default: the tfjs packages, imported lazily). */
  loaders?: Partial<Record<BackendName, () => Promise<unknown>>>;
}

const LOADERS: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  // The binaries' URLs first: tfjs fetches them when the backend starts.
  wasm: () => import('./wasm-paths.js').then(() => import('@tensorflow/tfjs-backend-wasm')),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/**
 * Activate the first backend that works. WebGPU is tried only when the browser has an adapter
 * (tfjs itself would log a TypeError for a missing one), and a software (fallback) adapter is
 * passed over unless WebGPU is forced; in both cases wasm, far faster on the CPU than a software
 * GPU, is tried next. Backend modules
 * are imported lazily so a browser pays only for the one it uses.
 */
export async function pickBackend(opts: PickBackendOptions = {}): Promise<BackendChoice> {
  let order = [...(opts.order ?? BACKENDS)];
  const forced = order.length === 1;
  const gpu =
    opts.gpu !== undefined ? opts.gpu : (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  const loaders = { ...LOADERS, ...opts.loaders };
  const skipped: BackendChoice['skipped'] = [];
  for (let i = 0; i < order.length; i++) {
    const name = order[i];
    try {
      if (name === 'webgpu') {
        const why = await webgpuObstacle(gpu, forced);
        if (why) {
          skipped.push({ name, reason: why.reason });
          // A software WebGPU adapter (or none) means a software WebGL too: go to wasm next.
          if (why.software) order = [...order.slice(0, i + 1), ...moveFirst(order.slice(i + 1), 'wasm')];
          continue;
        }
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

/** Why WebGPU should not be used here, or null when it should. */
async function webgpuObstacle(
  gpu: GpuLike | null | undefined,
  forced: boolean,
): Promise<{ reason: string; software: boolean } | null> {
  if (!gpu) return { reason: 'navigator.gpu is not available', software: false };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    return { reason: `requestAdapter failed: ${e instanceof Error ? e.message : e}`, software: false };
  }
  // WebGPU exposed but no adapter: the GPU is missing or blocklisted, so WebGL is unlikely to be faster.
  if (!adapter) return { reason: 'no WebGPU adapter (requestAdapter() returned none)', software: true };
  const { software, name } = await softwareAdapter(adapter);
  if (software && !forced) {
    return {
      reason: `software adapter (${name}): wasm is faster on the CPU; ?backend=webgpu forces it`,
      software: true,
    };
  }
  return null;
}

function moveFirst<T>(xs: T[], x: T): T[] {
  return xs.includes(x) ? [x, ...xs.filter((y) => y !== x)] : xs;
}
