import { Worker } from 'node:worker_threads';

/**
 * Starts the `worker` module beside `callerUrl` (the caller's `import.meta.url`) on a new thread.
 * The built package (dist/*.js) runs worker.js directly; from TypeScript source (tsx, vitest) the
 * thread needs tsx's loader and the `@camkit/source` condition, which source-bootstrap.mjs installs
 * before importing worker.ts.
 */
export function startWorker(callerUrl: string): Worker {
  const execArgv = process.execArgv;
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', callerUrl), { execArgv });
  return new Worker(new URL('./source-bootstrap.mjs', import.meta.url), {
    execArgv,
    workerData: { entry: new URL('./worker.ts', callerUrl).href },
  });
}
