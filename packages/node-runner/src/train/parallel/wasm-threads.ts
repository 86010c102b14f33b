import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as NodeWorker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';

const require = createRequire(import.meta.url);

/**
 * EXPERIMENTAL. Initialises the 'wasm' backend with tfjs's threaded SIMD build in Node, so one
 * process runs XNNPACK on several cores. tfjs 4.22 turns threads off in Node
 * (`WASM_HAS_MULTITHREAD_SUPPORT` is false there) because its Emscripten pthread workers are
 * created from `blob:` URLs, which Node's `worker_threads` refuses (`ERR_WORKER_PATH`). This
 * works around exactly that, without touching tfjs's files:
 * - while the backend initialises, `Blob`/`URL.createObjectURL` are wrapped to remember the
 *   script text tfjs puts in blobs, and `Worker` to start the pthread workers from that text
 *   written to a temporary file (and to send the main script as a file path, not a Blob);
 * - the main script's source refers to module aliases of tfjs's Node bundle (`require$$0` …,
 *   `commonjsGlobal`), so the file gets a prelude defining them;
 * - tfjs's C++ caps the pool at `logical cores / 2` (it assumes SMT), i.e. 1 on a 2-vCPU machine,
 *   so `os.cpus()` reports each CPU twice during initialisation.
 * Everything is restored once the backend is up. Must run before anything else initialises
 * 'wasm' in this thread. Tied to tfjs-backend-wasm 4.22's bundle: on any other version, or if
 * anything fails, it throws and leaves the backend uninitialised (then use plain
 * `tf.setBackend('wasm')`).
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
  if (tf.findBackend('wasm') != null)
    throw new Error('initThreadedWasmBackend: the wasm backend is already initialised');
  const dir = mkdtempSync(join(tmpdir(), 'camkit-wasm-threads-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const toFile = (text: string) => {
    const path = join(dir, `script-${files++}.cjs`);
    writeFileSync(path, text);
    return path;
  };
  const blobText = new WeakMap<object, string>();
  const urlText = new Map<string, string>();
  const g = globalThis as Record<string, unknown>;
  const saved = {
    Blob: g.Blob,
    createObjectURL: URL.createObjectURL,
    worker: Object.getOwnPropertyDescriptor(g, 'Worker'),
  };
  const OriginalBlob = globalThis.Blob;
  class RecordingBlob extends OriginalBlob {
    constructor(parts: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      if (parts.every((p) => typeof p === 'string')) blobText.set(this, parts.join(''));
    }
  }
  const prelude =
    "var require$$0 = require('fs'); var require$$1 = require('path'); var require$$3 = require('perf_hooks');" +
    " var require$$4 = require('os'); var commonjsGlobal = globalThis;\n";
  class FileWorker extends NodeWorker {
    constructor(url: string | URL, options?: ConstructorParameters<typeof NodeWorker>[1]) {
      const text = typeof url === 'string' ? urlText.get(url) : undefined;
      super(text != null ? toFile(text) : url, options);
    }
    override postMessage(message: unknown, transfer?: Parameters<NodeWorker['postMessage']>[1]): void {
      const m = message as { cmd?: string; urlOrBlob?: unknown };
      if (m?.cmd === 'load' && m.urlOrBlob != null && typeof m.urlOrBlob === 'object') {
        const text = blobText.get(m.urlOrBlob);
        if (text != null) message = { ...m, urlOrBlob: toFile(prelude + text) };
      }
      super.postMessage(message, transfer);
    }
  }
  const os = require('node:os') as { cpus: () => unknown[] };
  const cpus = os.cpus;
  g.Blob = RecordingBlob;
  URL.createObjectURL = (blob: Blob) => {
    const url = saved.createObjectURL(blob);
    const text = blobText.get(blob);
    if (text != null) urlText.set(url, text);
    return url;
  };
  // tfjs's factory assigns `Worker = require('worker_threads').Worker`; keep ours in place.
  Object.defineProperty(g, 'Worker', { get: () => FileWorker, set: () => {}, configurable: true });
  os.cpus = () => {
    const list = cpus();
    return [...list, ...list];
  };
  try {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
    wasm.setThreadsCount(threads);
    if (!(await tf.setBackend('wasm')))
      throw new Error('initThreadedWasmBackend: the threaded wasm backend failed to start');
    return wasm.getThreadsCount();
  } finally {
    os.cpus = cpus;
    g.Blob = saved.Blob;
    URL.createObjectURL = saved.createObjectURL;
    if (saved.worker) Object.defineProperty(g, 'Worker', saved.worker);
    else delete g.Worker;
  }
}
