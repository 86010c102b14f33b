import {
  type DataId,
  engine,
  findBackend,
  findBackendFactory,
  getKernel,
  type KernelConfig,
  mean,
  registerKernel,
  type Tensor,
  type Tensor4D,
  type TensorInfo,
  tidy,
} from '@tensorflow/tfjs-core';
import { camFuseOpChain } from '../cam-fuse-op-chain.js';
import { CamFuse, GradcamWeights } from '../kernel-names.js';
import { kernelConfig } from '../../kernel-config.js';
import type { CamFuseArgs, GradcamWeightsArgs } from './kernel-config.js';

interface RefCountingBackend {
  incRef(dataId: DataId): void;
}

/**
 * Runs `fn` on tensors wrapping the kernel's inputs and returns its result as the kernel output.
 * The incRefs keep the inputs' buffers alive when the wrappers are disposed, and hand the result's
 * buffer over to the engine's output tensor (the pattern of tfjs's Identity kernels).
 */
function runAsOps(
  backend: RefCountingBackend,
  inputs: TensorInfo[],
  fn: (ts: Tensor[]) => Tensor,
): TensorInfo {
  const wrapped = inputs.map((info) => {
    backend.incRef(info.dataId);
    return engine().makeTensorFromTensorInfo(info);
  });
  try {
    const result = tidy(() => fn(wrapped));
    backend.incRef(result.dataId);
    const info: TensorInfo = { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
    result.dispose();
    return info;
  } finally {
    for (const t of wrapped) t.dispose();
  }
}

/** CamFuse on 'tensorflow' (tfjs-node / tfjs-node-gpu): lowered to TF ops (matMul, relu, min/max, resizeBilinear). */
export const camFuseTensorflowConfig: KernelConfig = kernelConfig(
  CamFuse,
  'tensorflow',
  (args: CamFuseArgs<RefCountingBackend>) =>
    runAsOps(args.backend, [args.inputs.features, args.inputs.weights], ([f, w]) =>
      camFuseOpChain(f as Tensor4D, w as Tensor, args.attrs),
    ),
);

/** GradcamWeights on 'tensorflow': one TF Mean. */
export const gradcamWeightsTensorflowConfig: KernelConfig = kernelConfig(
  GradcamWeights,
  'tensorflow',
  (args: GradcamWeightsArgs<RefCountingBackend>) =>
    runAsOps(args.backend, [args.inputs.grads], ([g]) => mean(g as Tensor, [1, 2])),
);

/** The tfjs-node packages probed, GPU first. */
export const TENSORFLOW_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

/** Outcome of {@link registerTensorflowKernels}. */
export interface TensorflowRegistration {
  registered: boolean;
  /** The package that was loaded, when one was. */
  package?: string;
  /** One line for the user either way. */
  message: string;
}

/** Registers the camkit kernels for 'tensorflow' if that backend exists (idempotent). */
export function registerTensorflowConfigs(): boolean {
  if (!findBackendFactory('tensorflow') && !findBackend('tensorflow')) return false;
  for (const config of [camFuseTensorflowConfig, gradcamWeightsTensorflowConfig]) {
    if (!getKernel(config.kernelName, 'tensorflow')) registerKernel(config);
  }
  return true;
}

/**
 * Loads `@tensorflow/tfjs-node-gpu`, else `@tensorflow/tfjs-node`, and registers the camkit kernels
 * for its 'tensorflow' backend. When neither loads (not installed, or its libtensorflow is
 * missing or broken: `require` then throws a plain Error) it registers nothing and says so in
 * one line; it never throws.
 *
 * @param load how a package is loaded; tests pass a loader with the packages absent.
 * @param log where the one-line message goes (default console.warn when absent); null for silence.
 */
export function registerTensorflowKernels(
  load?: (name: string) => unknown,
  log: ((line: string) => void) | null = console.warn,
): TensorflowRegistration {
  const failures: string[] = [];
  for (const name of TENSORFLOW_PACKAGES) {
    try {
      (load ?? nodeRequire())(name);
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      failures.push(`${name}: ${code === 'MODULE_NOT_FOUND' ? 'not installed' : firstLine(err)}`);
      continue;
    }
    if (!registerTensorflowConfigs()) {
      failures.push(`${name}: loaded but registered no 'tensorflow' backend`);
      continue;
    }
    return {
      registered: true,
      package: name,
      message: `camkit: fused CAM kernels registered for the 'tensorflow' backend (${name})`,
    };
  }
  const message = `camkit: no TensorFlow backend, fused CAM kernels not registered for 'tensorflow' (${failures.join('; ')}); use cpu, wasm or webgpu`;
  log?.(message);
  return { registered: false, message };
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 160);
}

type ModuleBuiltin = { createRequire(from: string): (name: string) => unknown };

// Resolved lazily through process.getBuiltinModule so that the browser build never sees 'node:module'.
function nodeRequire(): (name: string) => unknown {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('node:module') as ModuleBuiltin | undefined;
  if (!mod) throw new Error('not running in Node.js');
  return mod.createRequire(import.meta.url);
}
