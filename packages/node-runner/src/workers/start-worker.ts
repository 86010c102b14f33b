import { Worker } from 'node:worker_threads';

/**
 * Starts the module `name` (default `worker`) beside `callerUrl` (the caller's `import.meta.url`)
 * on a new thread. The built package (dist/*.js) runs `name`.js directly; from TypeScript source
 * (tsx, vitest) the thread needs tsx's loader and the `@camkit/source` condition, which
 * source-bootstrap.mjs installs before importing `name`.ts.
 */
export function startWorker(callerUrl: string, name = 'worker'): Worker {
  const execArgv = process.execArgv;
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { execArgv });
  return new Worker(new URL('./source-bootstrap.mjs', import.meta.url), {
    execArgv,
    workerData: { entry: new URL(`./${name}.ts`, callerUrl).href },
  });
}
