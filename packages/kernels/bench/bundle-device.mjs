// Bundles a device script (default bench/webgpu-device.ts; also test/device/explain-device.ts or
// node-runner's bench/latency.mjs) into one ESM file for a machine with only `node` (the GPU box):
//   node bench/bundle-device.mjs OUTFILE [ENTRY]
// `webgpu` (Dawn's native addon) stays external and travels beside it (node_modules/webgpu/ with
// index.js, package.json and dist/linux-x64/dawn.node).
import { createRequire } from 'node:module';

// esbuild is not a dependency of this package; borrow the copy tsx (a devDependency) ships with.
const requireFromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
const { build } = requireFromTsx('esbuild');

await build({
  entryPoints: [process.argv[3] ?? new URL('./webgpu-device.ts', import.meta.url).pathname],
  outfile: process.argv[2] ?? 'webgpu-device.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@camkit/source'],
  external: ['webgpu'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
