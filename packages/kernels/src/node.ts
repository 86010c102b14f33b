// @camkit/kernels/node: what only a Node process can do for the kernels (kept out of the main entry,
// which browsers bundle).
import { setFlagsFromString } from 'node:v8';
import { relaxedSimdSupported } from './training/simd/instantiate.js';

/**
 * Turns on wasm relaxed SIMD in this Node process where V8 has it behind a flag (Node 20:
 * `--experimental-wasm-relaxed-simd`; Node ≥ 22 has it on), so the generated kernels can use its
 * fused multiply-add. The flag is process-wide (worker threads see it) and only adds instructions
 * that modules may use; call it before the first generated kernel compiles. Returns whether relaxed
 * SIMD validates now.
 */
export function enableWasmRelaxedSimd(): boolean {
  if (relaxedSimdSupported()) return true;
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  return relaxedSimdSupported(true);
}
