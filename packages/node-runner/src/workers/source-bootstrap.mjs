// Entry for worker threads when the CLI runs from TypeScript source (tsx, vitest): resolves
// in-repo packages to their source (the `@camkit/source` export condition; `--conditions` in a
// worker's execArgv is not honoured), registers tsx's loader, then loads the real worker module
// named by workerData.entry. The built package starts worker.js directly (start-worker.ts).
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register as registerTsx } from 'tsx/esm/api';

const addSourceCondition = `export async function resolve(specifier, context, next) {
  const conditions = [...(context.conditions ?? []), '@camkit/source'];
  return next(specifier, { ...context, conditions });
}`;
register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
registerTsx();
await import(workerData.entry);
