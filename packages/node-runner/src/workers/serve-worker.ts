import { parentPort } from 'node:worker_threads';
import { isUserError, oneLine } from '../errors.js';
import type { RpcRequest, RpcResponse } from './rpc-messages.js';
import { Transfer } from './transfer.js';

/** A worker's methods: each takes one structured-clonable argument; see {@link serveWorker}. */
export type WorkerHandlers = Record<string, (arg: any) => unknown>;

/**
 * Answers {@link WorkerClient} calls in this worker thread with `handlers`. Calls run strictly one
 * after another in arrival order (a training step must see the update sent before it); a handler's
 * throw becomes that call's one-line rejection, a CamkitError staying one. A result wrapped by
 * `withTransfer` moves its buffers to the caller.
 */
export function serveWorker(handlers: WorkerHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker: not running in a worker thread');
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: RpcRequest) => {
    queue = queue.then(async () => {
      try {
        const handler = Object.hasOwn(handlers, req.method) ? handlers[req.method] : undefined;
        if (!handler) throw new Error(`unknown worker method '${req.method}'`);
        const out = await handler(req.arg);
        const [value, list] = out instanceof Transfer ? [out.value, out.list] : [out, []];
        port.postMessage({ id: req.id, ok: true, value } satisfies RpcResponse, list);
      } catch (err) {
        const reply: RpcResponse = { id: req.id, ok: false, message: oneLine(err), user: isUserError(err) };
        port.postMessage(reply);
      }
    });
  });
}
