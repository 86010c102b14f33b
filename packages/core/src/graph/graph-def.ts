import { type AttrValue, Attrs } from './attr-value.js';

/** One node of a converted GraphDef (`modelTopology.node[]`). */
export interface GraphNode {
  name: string;
  op: string;
  /** Data inputs as (node, output index); control inputs (`^name`) are dropped. */
  inputs: { node: string; index: number }[];
  attrs: Attrs;
}

/** The parts of `modelTopology` camkit reads. */
export interface GraphTopology {
  node?: { name: string; op: string; input?: string[]; attr?: Record<string, AttrValue> }[];
  library?: { function?: unknown[] };
}

/** `name`, `name:1` → (name, index). */
export function parseTensorName(ref: string): { node: string; index: number } {
  const colon = ref.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(ref.slice(colon + 1))) {
    return { node: ref.slice(0, colon), index: Number(ref.slice(colon + 1)) };
  }
  return { node: ref, index: 0 };
}

/** Parses `modelTopology.node[]` into nodes keyed by name (file order kept). */
export function parseGraphNodes(topology: GraphTopology): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const n of topology.node ?? []) {
    nodes.set(n.name, {
      name: n.name,
      op: n.op,
      inputs: (n.input ?? []).filter((i) => !i.startsWith('^')).map(parseTensorName),
      attrs: new Attrs(n.attr),
    });
  }
  return nodes;
}

/**
 * The nodes `outputs` depend on, inputs before users (an iterative depth-first post-order, so
 * deep graphs cannot overflow the stack). Unknown input names are reported by name.
 */
export function executionOrder(nodes: Map<string, GraphNode>, outputs: string[]): GraphNode[] {
  const order: GraphNode[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const out of outputs) {
    const stack: { node: GraphNode; next: number }[] = [];
    const push = (name: string, from: string | null) => {
      const node = nodes.get(name);
      if (!node)
        throw new Error(
          from
            ? `node '${from}' reads '${name}', which is not in the graph`
            : `output node '${name}' is not in the graph`,
        );
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'open') throw new Error(`the graph has a cycle through node '${name}'`);
      state.set(name, 'open');
      stack.push({ node, next: 0 });
    };
    push(out, null);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.node.inputs.length) {
        const input = top.node.inputs[top.next++].node;
        if (state.get(input) !== 'done') push(input, top.node.name);
      } else {
        stack.pop();
        state.set(top.node.name, 'done');
        order.push(top.node);
      }
    }
  }
  return order;
}
