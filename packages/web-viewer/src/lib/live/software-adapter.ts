/** The parts of a WebGPU adapter that say whether it runs on the CPU (lib.dom has no WebGPU types here). */
export interface AdapterLike {
  /** Deprecated in the spec, still set by some browsers. */
  isFallbackAdapter?: boolean;
  info?: AdapterInfoLike;
  /** Older browsers: the info comes from a method instead of `info`. */
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}

export interface AdapterInfoLike {
  isFallbackAdapter?: boolean;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

// Drivers that emulate a GPU on the CPU, for browsers that do not flag them as fallback adapters.
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render/i;

/**
 * Whether a WebGPU adapter is a software (fallback) one, and a short name for it. On such an
 * adapter tfjs-webgpu runs its shaders on the CPU far slower than the wasm backend does.
 */
export async function softwareAdapter(adapter: AdapterLike): Promise<{ software: boolean; name: string }> {
  let info = adapter.info;
  if (!info && adapter.requestAdapterInfo) {
    try {
      info = await adapter.requestAdapterInfo();
    } catch {
      info = undefined;
    }
  }
  const name =
    [info?.description, info?.vendor, info?.architecture, info?.device].filter((s) => s).join(' ') ||
    'unnamed adapter';
  const software =
    adapter.isFallbackAdapter === true || info?.isFallbackAdapter === true || SOFTWARE.test(name);
  return { software, name };
}
