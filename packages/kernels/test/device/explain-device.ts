// Every camkit method on a real WebGPU adapter (the GPU machine), against independent results:
//   families  each architecture family at its last, mid and inner layer against the cpu backend
//             (test/webgpu/families.webgpu.test.ts runs one layer of each on SwiftShader), gray
//             maps to 1e-4, gradient and raw maps to 1e-3 of their magnitude, no tensor growth;
//   train     two SGD and two Adam steps of each family on webgpu against cpu (1e-4 relative);
//   arch      the arch-reference MobileNetV2 against pytorch-grad-cam's maps at features.18 and
//             features.13 (the fixture's tolerances: 1e-3 on gray maps, 1e-3 of the magnitude on
//             guided ones); CAMKIT_SHARED_FIXTURES names the fixtures folder.
// Not a vitest file: bundled by bench/bundle-device.mjs and run with plain node there:
//   node explain-device.mjs [--icd FILE] [--parts families,train,arch] [--families a,b] [--images N]
// Prints one line per check and a summary; exits 1 when any check failed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const icd = arg('icd');
if (icd) {
  process.env.VK_ICD_FILENAMES = icd;
  process.env.VK_DRIVER_FILES = icd;
}
process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'camkit-xdg-'));
const parts = new Set((arg('parts') ?? 'families,train,arch').split(','));
const onlyFamilies = arg('families')?.split(',');
const imageCount = Number(arg('images') ?? 3);

const { create, globals } = await import('webgpu');
Object.assign(globalThis, globals);
const gpu = create([]);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('no WebGPU adapter');
const fallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
console.log(
  `adapter: ${adapter.info.vendor} ${adapter.info.architecture} ${adapter.info.description} fallback=${fallback}`,
);

await import('@tensorflow/tfjs'); // gradient configs
await import('@tensorflow/tfjs-backend-cpu');
await import('@tensorflow/tfjs-backend-webgpu');
const tf = await import('@tensorflow/tfjs-core');
const { explain, METHODS } = await import('@camkit/core');
const { FAMILIES } = await import('@camkit/core/families');
const { loadModel, readNpyFile } = await import('@camkit/core/node');
const { registerCamkitKernels } = await import('../../src/index.js');
const harness = await import('../families/family-harness.js');
const arch = await import('@camkit/arch-reference');
const { maxAbs, maxAbsDiff } = await import('@camkit/test-arrays');

async function use(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialise`);
  await tf.ready();
}
await use('webgpu');
await registerCamkitKernels();

let failures = 0;
const report = (ok: boolean, line: string) => {
  if (!ok) failures++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${line}`);
};
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const families = FAMILIES.filter((f) => !onlyFamilies || onlyFamilies.includes(f.name));

if (parts.has('families')) {
  for (const family of families) {
    try {
      let t = performance.now();
      await use('cpu');
      const cpu = await harness.familyReference(family, METHODS);
      const cpuTime = seconds(t);
      t = performance.now();
      await use('webgpu');
      const webgpu = await harness.explainRebuilt(family, cpu.weights, cpu.size, METHODS, cpu.layers);
      const bad = harness.compareOutcomes(cpu.outcomes, webgpu, 1e-4, 1e-3);
      // cam errs only where the family has no GAP → Dense at the layer; nothing else may err.
      const errs = [...cpu.outcomes].filter(([k, o]) => 'error' in o && !k.startsWith('cam '));
      report(
        bad.length === 0 && errs.length === 0,
        `families ${family.name}: ${cpu.outcomes.size} (method, layer) results at ${cpu.layers.join(', ')} equal cpu (cpu ${cpuTime}, webgpu ${seconds(t)})${[...bad, ...errs.map(([k, o]) => `${k}: ${'error' in o ? o.error : ''}`)].map((b) => `\n    ${b}`).join('')}`,
      );
    } catch (e) {
      report(false, `families ${family.name}: ${(e as Error).message}`);
    }
  }
}

if (parts.has('train')) {
  for (const family of families) {
    for (const opt of ['sgd', 'adam'] as const) {
      try {
        await use('cpu');
        const { weights } = harness.familyWeights(family);
        const onCpu = await harness.trainSteps(family, weights, opt);
        await use('webgpu');
        const before = tf.memory().numTensors;
        const onGpu = await harness.trainSteps(family, weights, opt);
        const moved = Math.max(...harness.relativeErrors(weights, onCpu));
        const errs = harness.relativeErrors(onCpu, onGpu);
        const worst = Math.max(...errs);
        report(
          moved > 1e-4 && worst < 1e-4 && tf.memory().numTensors === before,
          `train ${family.name} ${opt}: worst relative weight error ${worst.toExponential(2)} (steps moved weights by ${moved.toExponential(2)}; tensors ${tf.memory().numTensors - before})`,
        );
      } catch (e) {
        report(false, `train ${family.name} ${opt}: ${(e as Error).message}`);
        console.log((e as Error).stack);
      }
    }
  }
}

if (parts.has('arch')) {
  await use('webgpu');
  const read = (file: string) => readNpyFile(file).data as Float32Array;
  const ids = arch.ARCH_IMAGES.slice(0, imageCount);
  const all = arch.archInputs(read).subarray(0, ids.length * 64 * 64 * 3);
  const model = (await loadModel(arch.archModelDir())) as import('@tensorflow/tfjs-layers').LayersModel;
  const images = tf.tensor4d(all, [ids.length, 64, 64, 3]);
  const started = tf.memory().numTensors;
  for (const layer of ['features.18', 'features.13']) {
    for (const [method, dir] of arch.ARCH_CAM_CASES) {
      const t = performance.now();
      try {
        const r = await explain(model, images, { method, layer, targets: 'all' });
        const worst = Math.max(
          ...r.heatmaps.map((h) =>
            arch.grayMapDiff(read, h.map, ids[h.imageIndex], dir, layer, h.classIndex),
          ),
        );
        report(
          r.heatmaps.length === ids.length * 5 && worst < 1e-3,
          `arch ${method} @ ${layer}: ${r.heatmaps.length} maps, worst |camkit − pytorch-grad-cam| ${worst.toExponential(2)} (${seconds(t)})`,
        );
      } catch (e) {
        report(false, `arch ${method} @ ${layer}: ${(e as Error).message}`);
      }
    }
  }
  for (const [method, layer, dir] of [
    ['guided-backprop', undefined, 'guided_backprop/input'],
    ['guided-gradcam', 'features.18', 'guided_gradcam/features.18'],
    ['guided-gradcam', 'features.13', 'guided_gradcam/features.13'],
  ] as const) {
    const t = performance.now();
    try {
      const r = await explain(model, images, { method, layer, targets: 'all' });
      const worst = Math.max(
        ...r.heatmaps.map((h) => {
          const id = ids[h.imageIndex];
          const expected = arch.archRef(read, id, ...dir.split('/'), `c${h.classIndex}.npy`);
          const scale =
            maxAbs(expected) ||
            maxAbs(arch.archRef(read, id, 'guided_backprop', 'input', `c${h.classIndex}.npy`));
          return maxAbsDiff(h.map, expected) / scale;
        }),
      );
      report(
        r.heatmaps.length === ids.length * 5 && worst < 1e-3,
        `arch ${method} @ ${layer ?? 'input'}: ${r.heatmaps.length} maps, worst relative difference ${worst.toExponential(2)} (${seconds(t)})`,
      );
    } catch (e) {
      report(false, `arch ${method} @ ${layer ?? 'input'}: ${(e as Error).message}`);
    }
  }
  report(
    tf.memory().numTensors === started,
    `arch: tensors after every method ${tf.memory().numTensors - started}`,
  );
  images.dispose();
  model.dispose();
}

console.log(`${failures === 0 ? 'ALL PASS' : `${failures} FAILED`}`);
process.exit(failures === 0 ? 0 : 1);
