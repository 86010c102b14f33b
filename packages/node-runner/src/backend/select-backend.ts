import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { registerCamkitKernels, registerWasmTrainingKernels } from '@camkit/kernels';
import { enableWasmRelaxedSimd } from '@camkit/kernels/node';
import * as tf from '@tensorflow/tfjs-core';
import { CliError as CamkitError } from '../errors.js';
import { initThreadedWasmBackend, wasmThreadsRunning } from './wasm-threads.js';

/** Backends the CLI can run on; `auto` picks the fastest that works here. */
export type BackendChoice = 'auto' | 'tensorflow' | 'webgpu' | 'wasm' | 'cpu';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'tensorflow', 'webgpu', 'wasm', 'cpu'];

export interface SelectOptions {
  /**
   * XNNPACK threads for the wasm backend (default {@link DEFAULT_WASM_THREADS}); fixed by the
   * first start of wasm in the process. Other backends ignore it.
   */
  threads?: number;
}

/** What {@link selectBackend} settled on, and why each better backend was passed over. */
export interface BackendSelection {
  /** tfjs backend name now active: 'tensorflow', 'webgpu', 'wasm' or 'cpu'. */
  name: string;
  /** Human-readable label, e.g. 'wasm (SIMD + FMA, 1 thread)'. */
  label: string;
  /** One line per skipped candidate: "tfjs-node-gpu: not installed". */
  skipped: string[];
}

const require = createRequire(import.meta.url);

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'MODULE_NOT_FOUND' || e?.code === 'ERR_MODULE_NOT_FOUND') return 'not installed';
  const msg = String(e?.message ?? err).split('\n')[0];
  return msg.length > 160 ? `${msg.slice(0, 157)}...` : msg;
}

async function tryTfjsNode(pkg: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node'): Promise<void> {
  // The native addons register the 'tensorflow' backend as a side effect of being loaded; they
  // throw plain Errors (no code) when libtensorflow is missing or the wrong CUDA is installed.
  require(pkg);
  if (!(await tf.setBackend('tensorflow'))) throw new Error('backend failed to initialise');
}

function hasGpuDevice(): boolean {
  if (process.env.VK_ICD_FILENAMES) return true;
  for (const dir of ['/dev/dri', '/dev']) {
    try {
      if (readdirSync(dir).some((f) => f.startsWith('renderD') || /^nvidia\d/.test(f))) return true;
    } catch {
      // no such directory: keep looking
    }
  }
  return process.platform !== 'linux';
}

async function tryWebgpu(allowFallback: boolean): Promise<string> {
  // Probing Dawn without any GPU prints Vulkan driver warnings and costs time: skip it outright.
  if (!allowFallback && !hasGpuDevice()) throw new Error('no GPU device (/dev/dri/renderD*, /dev/nvidia*)');
  const g = globalThis as any;
  if (!g.navigator?.gpu) {
    const webgpu = await import('webgpu');
    Object.assign(globalThis, webgpu.globals);
    const gpu = webgpu.create([]);
    if (g.navigator === undefined) g.navigator = { gpu };
    else Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  }
  const adapter = await g.navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const info = adapter.info ?? {};
  const fallback = Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter);
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'adapter';
  // A software adapter (SwiftShader) is 10-100x slower than wasm: auto refuses it.
  if (fallback && !allowFallback) throw new Error(`only a software (fallback) adapter: ${name}`);
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu'))) throw new Error('backend failed to initialise');
  return name;
}

/**
 * XNNPACK threads for the wasm backend when none are asked for. camkit's Winograd and
 * gradient kernels run on the main thread only, and with a second XNNPACK thread the forward pass
 * measured slower on a 2-vCPU box (resnet18 224² b1: 63 vs 54 ms, mobilenet_v3_large 38 vs 24 ms;
 * BENCHMARKS-latency.md), so more threads are the user's choice (`--threads`).
 */
export const DEFAULT_WASM_THREADS = 1;

async function tryWasm(threads: number): Promise<string> {
  await import('@tensorflow/tfjs-backend-wasm');
  // The threads are fixed when the backend first starts in this thread; later calls report them.
  let unthreaded = '';
  if (threads > 1 && wasmThreadsRunning() === 0) {
    try {
      await initThreadedWasmBackend(threads);
    } catch (err) {
      unthreaded = `; ${threads} threads unavailable: ${reason(err)}`;
    }
  }
  if (!(await tf.setBackend('wasm'))) throw new Error('backend failed to initialise');
  const running = wasmThreadsRunning();
  // wasm lacks Conv2DBackpropFilter; @camkit/kernels supplies training kernels built on forward convs.
  registerWasmTrainingKernels();
  // camkit's generated kernels multiply-add with one fused op where V8 has relaxed SIMD (a flag in
  // Node 20): ~20 % off every conv pass of a training step.
  const fma = enableWasmRelaxedSimd();
  return `wasm (SIMD${fma ? ' + FMA' : ''}, ${running} thread${running === 1 ? '' : 's'}${unthreaded})`;
}

async function tryCpu(): Promise<void> {
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend('cpu'))) throw new Error('backend failed to initialise');
}

/**
 * Activates a tfjs backend. `auto` tries tfjs-node-gpu, tfjs-node, a hardware WebGPU adapter
 * (npm `webgpu`), wasm, then cpu, recording why each better one was skipped, and registers
 * @camkit/kernels' fused CAM kernels for it. A named backend that cannot start is a CamkitError.
 */
export async function selectBackend(
  choice: BackendChoice = 'auto',
  options: SelectOptions = {},
): Promise<BackendSelection> {
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new CamkitError(`--backend: unknown backend '${choice}' (choose ${BACKEND_CHOICES.join(', ')})`);
  }
  const threads = options.threads ?? DEFAULT_WASM_THREADS;
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new CamkitError(`--threads: must be an integer from 1 to 64 (got ${threads})`);
  }
  const skipped: string[] = [];
  const attempt = async (label: string, fn: () => Promise<unknown>) => {
    try {
      const detail = await fn();
      // camkit's fused CAM kernels (CamFuse, Grad-CAM weights) for the backend that now runs, so
      // explain/evaluate/demo take them as the viewer does.
      await registerCamkitKernels();
      return { name: tf.getBackend(), label: typeof detail === 'string' ? detail : label };
    } catch (err) {
      skipped.push(`${label}: ${reason(err)}`);
      return null;
    }
  };
  const named = async (label: string, fn: () => Promise<unknown>) => {
    const r = await attempt(label, fn);
    if (!r) throw new CamkitError(`--backend ${choice}: cannot start (${skipped.at(-1)})`);
    return { ...r, skipped };
  };
  switch (choice) {
    case 'tensorflow': {
      const gpu = await attempt('tfjs-node-gpu', () => tryTfjsNode('@tensorflow/tfjs-node-gpu'));
      if (gpu) return { ...gpu, skipped };
      return named('tfjs-node', () => tryTfjsNode('@tensorflow/tfjs-node'));
    }
    case 'webgpu':
      return named('webgpu', async () => `webgpu (${await tryWebgpu(true)})`);
    case 'wasm':
      return named('wasm', () => tryWasm(threads));
    case 'cpu':
      return named('cpu', tryCpu);
  }
  const candidates: [string, () => Promise<unknown>][] = [
    ['tfjs-node-gpu', () => tryTfjsNode('@tensorflow/tfjs-node-gpu')],
    ['tfjs-node', () => tryTfjsNode('@tensorflow/tfjs-node')],
    ['webgpu', async () => `webgpu (${await tryWebgpu(false)})`],
    ['wasm', () => tryWasm(threads)],
    ['cpu', tryCpu],
  ];
  for (const [label, fn] of candidates) {
    const r = await attempt(label, fn);
    if (r) return { ...r, skipped };
  }
  throw new CamkitError(`no tfjs backend could start: ${skipped.join('; ')}`);
}
