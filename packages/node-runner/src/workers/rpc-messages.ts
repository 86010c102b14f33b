/** What {@link WorkerClient} and {@link serveWorker} send each other over a worker thread's port. */

/** A call: `method` of the worker's handlers with one structured-clonable argument. */
export interface RpcRequest {
  id: number;
  method: string;
  arg: unknown;
}

/**
 * The answer to the request with the same `id`: its value, or a one-line error message; `user`
 * says the worker threw a CamkitError, whose message is meant for the user as is.
 */
export type RpcResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; user: boolean };
