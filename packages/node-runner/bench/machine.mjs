// What the benches print about the CPU. The model name alone ("AMD EPYC") hides what decides
// PyTorch's speed: oneDNN runs AVX-512 kernels where the CPU has them, AVX2 otherwise, while wasm
// SIMD is 128-bit on both. Two sessions' "AMD EPYC" boxes gave the same 28-px training bench
// 480 and 387 img/s for PyTorch and 398 and 519 for camkit (same camkit training code): a ratio
// is only comparable with the machine it was measured on.
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
