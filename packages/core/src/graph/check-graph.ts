import { CamkitError } from '../errors.js';
import type { GraphTopology } from './graph-def.js';
import { GRAPH_OPS } from './ops/index.js';

// Ops that need tfjs's executeAsync (dynamic control flow, TensorArrays/Lists): never feed-forward.
const CONTROL_FLOW = new Set([
  'Enter',
  'Exit',
  'Merge',
  'Switch',
  'NextIteration',
  'LoopCond',
  'While',
  'StatelessWhile',
  'If',
  'StatelessIf',
  'Case',
  'StatelessCase',
  'PartitionedCall',
  'StatefulPartitionedCall',
  'TensorArrayV3',
  'TensorListReserve',
  'TensorListFromTensor',
]);

/**
 * Checks that every node's op is one the interpreter runs, before tfjs parses the graph (whose own
 * error names neither the node nor the file). Throws a one-line CamkitError naming the file, the
 * node and the op.
 */
export function checkGraphOps(topology: GraphTopology, source: string): void {
  if (!Array.isArray(topology.node)) {
    throw new CamkitError(`${source}: graph model without modelTopology.node`);
  }
  for (const node of topology.node) {
    if (node.op === 'Placeholder' || node.op === 'Const' || node.op === 'NoOp') continue;
    if (CONTROL_FLOW.has(node.op)) {
      throw new CamkitError(
        `${source}: node '${node.name}' uses control flow (op ${node.op}); camkit explains feed-forward graphs only`,
      );
    }
    if (!(node.op in GRAPH_OPS)) {
      throw new CamkitError(
        `${source}: node '${node.name}' has op ${node.op}, which camkit cannot run or differentiate`,
      );
    }
  }
}
