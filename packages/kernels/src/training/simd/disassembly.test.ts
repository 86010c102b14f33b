import wabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { writeBatchNormModule } from './batch-norm-module.js';
import { writeDepthwiseGradModule } from './depthwise-grad-module.js';
import { writeFilterGradModule } from './filter-grad-module.js';
import { writeSumRowsModule } from './sum-rows-module.js';
import type { WasmTarget } from './wasm-writer.js';
import { writeWinogradModule } from './winograd-module.js';

// The generated kernels as text (wabt's wasm2wat), so a change to the code they emit shows in
// review as a diff of readable instructions; each module must also pass wabt's validator.
describe('generated wasm modules, disassembled', () => {
  const plain = { shared: false, relaxedSimd: false };
  const modules: [string, (target: WasmTarget) => Uint8Array][] = [
    ['sum-rows', writeSumRowsModule],
    ['batch-norm', writeBatchNormModule],
    ['depthwise-grad', writeDepthwiseGradModule],
    ['filter-grad', writeFilterGradModule],
    // The smallest channel counts that exercise both register-tile widths (8 and a 4 tail).
    [
      'winograd-4x12-bias-relu',
      (target) => writeWinogradModule(4, 12, 4, target, { bias: true, relu: true }),
    ],
    ['winograd4-4x12', (target) => writeWinogradModule(4, 12, 4, target, { bias: false, relu: false }, 4)],
  ];
  it.each(modules)('%s validates and matches its reviewed disassembly', async (name, write) => {
    const w = await wabt();
    const module = w.readWasm(write(plain), { readDebugNames: false, simd: true });
    try {
      module.validate();
      const text = module.toText({ foldExprs: false, inlineExport: false });
      expect(text).toContain('(import "env" "memory"');
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}.wat`);
    } finally {
      module.destroy();
    }
  });

  it.each(modules)(
    '%s: the relaxed-SIMD variant validates and fuses each multiply + add, and nothing else',
    async (name, write) => {
      const w = await wabt();
      const text = (relaxedSimd: boolean) => {
        const m = w.readWasm(write({ shared: false, relaxedSimd }), {
          readDebugNames: false,
          simd: true,
          relaxed_simd: true,
        });
        try {
          m.validate();
          return m.toText({ foldExprs: false, inlineExport: false });
        } finally {
          m.destroy();
        }
      };
      const count = (t: string, op: string) => t.split('\n').filter((l) => l.trim() === op).length;
      const [a, b] = [text(false), text(true)];
      const fused = count(b, 'f32x4.relaxed_madd');
      expect(count(a, 'f32x4.relaxed_madd')).toBe(0);
      // Every fused op replaced one mul and one add; the GEMM and depthwise kernels have them.
      expect(count(a, 'f32x4.mul') - count(b, 'f32x4.mul')).toBe(fused);
      expect(count(a, 'f32x4.add') - count(b, 'f32x4.add')).toBe(fused);
      if (['depthwise-grad', 'filter-grad', 'winograd-4x12-bias-relu', 'winograd4-4x12'].includes(name))
        expect(fused).toBeGreaterThan(0);
      // Only those lines differ (the operand order of a fused op is a·b + c, hence a reordering).
      const ops = (t: string) =>
        t.split('\n').filter((l) => !/f32x4\.(mul|add|relaxed_madd)$/.test(l.trim()));
      expect(ops(b).length).toBe(ops(a).length);
      expect([...ops(b)].sort()).toEqual([...ops(a)].sort());
    },
  );

  it('the shared-memory variant differs only in its memory import', async () => {
    const w = await wabt();
    const text = (shared: boolean) => {
      const m = w.readWasm(writeSumRowsModule({ ...plain, shared }), {
        readDebugNames: false,
        simd: true,
        threads: true,
      });
      try {
        return m.toText({ foldExprs: false, inlineExport: false });
      } finally {
        m.destroy();
      }
    };
    const [a, b] = [text(false).split('\n'), text(true).split('\n')];
    const differing = a.filter((line, i) => line !== b[i]);
    expect(differing).toHaveLength(1);
    expect(differing[0]).toContain('(import "env" "memory"');
  });
});
