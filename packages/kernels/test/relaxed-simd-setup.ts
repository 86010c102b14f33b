// The unit tests run the generated kernels with relaxed SIMD's fused multiply-add, as the CLI does
// (Node 20 keeps it behind a V8 flag); test/multiply-add.ts runs the kernel tests without it too.
import { enableWasmRelaxedSimd } from '../src/node.js';

enableWasmRelaxedSimd();
