// Entry for explain's workers when the CLI runs from TypeScript source (tsx, tests importing
// src/): the same as src/train/parallel/worker-bootstrap.mjs — resolve in-repo packages to their
// source (the `@camkit/source` condition), register tsx's loader, then load the real worker.
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
