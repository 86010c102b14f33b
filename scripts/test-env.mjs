#!/usr/bin/env node
// Installs the system packages the test suite needs (Debian/Ubuntu), so `pnpm test` works on a
// fresh machine: chromium + libvulkan1 (WebGPU on SwiftShader, the viewer's browser tests) and
// python3-h5py (writes the Keras .h5 fixture for `camkit import-keras`) and python3-matplotlib (the
// colormap tables are checked against it).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const need = [
  ['chromium', '/usr/bin/chromium'],
  ['libvulkan1', '/usr/lib/x86_64-linux-gnu/libvulkan.so.1'],
  ['python3-h5py', null],
  ['python3-matplotlib', null],
];

function hasPython(module) {
  try {
    execFileSync(
      existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3',
      ['-c', `import ${module}`],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
}

const missing = need.filter(([name, file]) =>
  file ? !existsSync(file) : !hasPython(name.slice('python3-'.length)),
);
if (missing.length === 0) process.exit(0);
const names = missing.map(([n]) => n);
if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    `test-env: missing system packages: ${names.join(' ')} (install them: sudo apt-get install -y ${names.join(' ')})`,
  );
  process.exit(1);
}
console.log(`test-env: installing ${names.join(' ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
  stdio: 'inherit',
  env,
});
