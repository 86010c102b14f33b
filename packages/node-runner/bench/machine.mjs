// What the benches print about the CPU. The model name alone ("AMD EPYC") hides what decides
// PyTorch's speed here: oneDNN runs AVX-512 kernels where the CPU has them, AVX2 otherwise, while
// wasm SIMD is 128-bit on both; two sessions' "AMD EPYC" boxes differed 2.2× in PyTorch's 28-px
// training throughput at the same camkit speed.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** "2× AMD EPYC (avx2, fma)": core count, model and the x86 vector extensions that matter. */
export function cpuLine() {
  let flags = [];
  try {
    flags =
      readFileSync('/proc/cpuinfo', 'utf8')
        .match(/^flags\s*:(.*)$/m)?.[1]
        .trim()
        .split(/\s+/) ?? [];
  } catch {
    // not Linux: the model name is all there is
  }
  const simd = ['avx512f', 'avx2', 'fma'].filter((f) => flags.includes(f));
  const model = cpus()[0]?.model ?? 'cpu';
  return `${cpus().length}× ${model}${simd.length ? ` (${simd.join(', ')})` : ''}`;
}
