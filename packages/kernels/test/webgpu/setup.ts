// Gives this vitest worker a real WebGPU: Dawn (npm `webgpu`) on a Vulkan driver. By default the
// driver is SwiftShader from Debian's chromium package (a CPU implementation of Vulkan, slow but
// exact); CAMKIT_VK_ICD names another ICD file (e.g. NVIDIA's on a GPU machine). A missing driver
// is an error: these tests fail, never skip.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';
const icd = process.env.CAMKIT_VK_ICD ?? SWIFTSHADER;
if (!existsSync(icd)) {
  throw new Error(
    `webgpu tests: Vulkan ICD ${icd} not found (install it: apt-get install -y chromium libvulkan1; \`node scripts/test-env.mjs\` does this)`,
  );
}
// The Vulkan loader reads these when Dawn creates its instance, i.e. at create() below.
process.env.VK_ICD_FILENAMES = icd;
process.env.VK_DRIVER_FILES = icd;
process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'camkit-xdg-'));

const { create, globals } = await import('webgpu');
Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', {
  value: { gpu: create([]) },
  configurable: true,
  writable: true,
});
