import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/**
 * XNNPACK threads of the wasm backend in this thread; 0 while it has not started. (Unlike
 * `tf.findBackend('wasm')`, asking does not start it.)
 */
export function wasmThreadsRunning(): number {
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number };
  try {
    return wasm.getThreadsCount();
  } catch {
    return 0;
  }
}

// tfjs-backend-wasm 4.22's pthread worker script loads the main script from a Blob through an
// object URL, which Node cannot read; the replacement reads a file path. The marks tell the two
// scripts apart from any other Blob made while the backend starts.
const WORKER_BLOB_LOAD =
  'var objectUrl=URL.createObjectURL(e.data.urlOrBlob);importScripts(objectUrl);URL.revokeObjectURL(objectUrl)';
const WORKER_FILE_LOAD = 'importScripts(e.data.urlOrBlob.camkitPath)';
const WORKER_MARK = 'worker.js received unknown command';
const MAIN_MARK = 'var WasmBackendModuleThreadedSimd = ';

/**
 * Initialises the 'wasm' backend with tfjs's threaded SIMD build in Node, so one process runs
 * XNNPACK on several cores. tfjs 4.22 turns threads off in Node (`WASM_HAS_MULTITHREAD_SUPPORT` is
 * false there) because its Emscripten pthread workers and their main script come from `blob:`
 * URLs, which Node's `worker_threads` refuses (`ERR_WORKER_PATH`). This works around exactly
 * that, without touching tfjs's files:
 * - while the backend initialises, `Blob` writes those two scripts to a temporary folder (removed
 *   at exit) and `URL.createObjectURL` returns the worker script's path; the worker script reads
 *   the main script from its path instead of an object URL;
 * - the main script's source refers to module aliases of tfjs's Node bundle (`require$$0` …,
 *   `commonjsGlobal`), so its file gets a prelude defining them;
 * - tfjs's C++ caps the pool at `logical cores / 2` (it assumes SMT), i.e. 1 on a 2-vCPU machine,
 *   so `os.cpus()` reports 2 × `threads` CPUs during initialisation.
 * Everything is restored once the backend is up; the pool's workers are unref'd, so they do not
 * keep the process alive. Must run before anything else initialises 'wasm' in this thread. Tied to
 * tfjs-backend-wasm 4.22's bundle: on any other version, or if anything fails, it throws and
 * leaves the backend uninitialised (then use plain `tf.setBackend('wasm')`; selectBackend does).
 * At a given thread count results are deterministic; another count can tile some convs
 * differently and so differ in round-off (~1e-7 relative).
 *
 * @returns the number of XNNPACK threads the backend runs.
 */
export async function initThreadedWasmBackend(threads = 2): Promise<number> {
  const wasm = require('@tensorflow/tfjs-backend-wasm') as {
    setThreadsCount(n: number): void;
    getThreadsCount(): number;
    version_wasm: string;
  };
  if (wasm.version_wasm !== '4.22.0') {
    throw new Error(
      `initThreadedWasmBackend supports tfjs-backend-wasm 4.22.0 only, found ${wasm.version_wasm}`,
    );
  }
  if (wasmThreadsRunning() > 0)
    throw new Error('initThreadedWasmBackend: the wasm backend is already initialised');
  if (typeof SharedArrayBuffer === 'undefined')
    throw new Error('initThreadedWasmBackend: this runtime has no SharedArrayBuffer');
  const source = readFileSync(require.resolve('@tensorflow/tfjs-backend-wasm'), 'utf8');
  // The bundle's `var require$$0 = require('fs');` lines, which the factory's source refers to.
  const aliases = [...source.matchAll(/^var (require\$\$\d+) = require\('([a-z_]+)'\);$/gm)];
  if (!source.includes(WORKER_BLOB_LOAD) || aliases.length === 0)
    throw new Error("initThreadedWasmBackend: tfjs-backend-wasm's bundle is not the expected one");
  const prelude = `${aliases.map(([, name, mod]) => `var ${name}=require(${JSON.stringify(mod)});`).join('')}var commonjsGlobal=globalThis;\n`;
  const dir = mkdtempSync(join(tmpdir(), 'camkit-wasm-threads-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const RealBlob = globalThis.Blob;
  const realCreateObjectURL = URL.createObjectURL;
  // Called with `new`: returning an object makes it the result (a real Blob for anything else).
  function FileBlob(parts: BlobPart[], options?: BlobPropertyBag): object {
    const text = parts.every((p) => typeof p === 'string') ? parts.join('') : null;
    const worker = text?.includes(WORKER_MARK) ?? false;
    if (text == null || (!worker && !text.startsWith(MAIN_MARK))) return new RealBlob(parts, options);
    const camkitPath = join(dir, `${files++}.${worker ? 'worker' : 'main'}.cjs`);
    writeFileSync(camkitPath, worker ? text.replace(WORKER_BLOB_LOAD, WORKER_FILE_LOAD) : prelude + text);
    return { camkitPath };
  }
  const os = require('node:os') as { cpus: () => unknown[] };
  const cpus = os.cpus;
  globalThis.Blob = FileBlob as unknown as typeof Blob;
  URL.createObjectURL = (blob: Blob) =>
    (blob as unknown as { camkitPath?: string }).camkitPath ?? realCreateObjectURL(blob);
  os.cpus = () => {
    const list = cpus();
    return Array.from({ length: 2 * threads }, (_, i) => list[i % list.length]);
  };
  try {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    wasm.setThreadsCount(threads);
    if (!(await tf.setBackend('wasm')))
      throw new Error('initThreadedWasmBackend: the threaded wasm backend failed to start');
    // XNNPACK's pool threads run (waiting for work) for the life of the process, and Emscripten
    // refs a worker while its thread runs: unref them, or the process never exits on its own.
    const module = (
      tf.findBackend('wasm') as unknown as { wasm?: { PThread?: { runningWorkers?: { unref(): void }[] } } }
    ).wasm;
    for (const w of module?.PThread?.runningWorkers ?? []) w.unref();
    return wasm.getThreadsCount();
  } finally {
    os.cpus = cpus;
    globalThis.Blob = RealBlob;
    URL.createObjectURL = realCreateObjectURL;
  }
}
