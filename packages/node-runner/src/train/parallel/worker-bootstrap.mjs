// Entry for workers when the trainer runs from TypeScript source (tests, benchmarks): resolves
// in-repo packages to their source (the `@camkit/source` export condition; `--conditions` in a
// worker's execArgv is not honoured), registers tsx's loader, then loads the real worker.
// The built package uses worker.js directly.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const addSourceCondition = `export async function resolve(specifier, context, next) {
  const conditions = [...(context.conditions ?? []), '@camkit/source'];
  return next(specifier, { ...context, conditions });
}`;
register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
registerTsx();
await import('./worker.ts');
