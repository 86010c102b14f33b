import { CONV_OPS } from './conv-ops.js';
import { MATH_OPS } from './math-ops.js';
import type { OpFn } from './op-context.js';
import { POOL_OPS } from './pool-ops.js';
import { SHAPE_OPS } from './shape-ops.js';

export type { OpContext, OpFn } from './op-context.js';
export { UnsupportedNodeError } from './op-context.js';

/** Every op the interpreter runs (besides Placeholder and Const, which it handles itself). */
export const GRAPH_OPS: Readonly<Record<string, OpFn>> = {
  ...CONV_OPS,
  ...POOL_OPS,
  ...MATH_OPS,
  ...SHAPE_OPS,
};
