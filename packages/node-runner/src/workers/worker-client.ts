import type { TransferListItem, Worker } from 'node:worker_threads';
import { CliError, oneLine } from '../errors.js';
import type { RpcRequest, RpcResponse } from './rpc-messages.js';
import type { WorkerHandlers } from './serve-worker.js';
import type { Transfer } from './transfer.js';

/** What a call of handler `F` resolves to: its awaited result, unwrapped from `withTransfer`. */
export type WorkerResult<F> = F extends (arg: never) => infer R
  ? Awaited<R> extends Transfer<infer V>
    ? V
    : Awaited<R>
  : never;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * The main-thread side of a worker started with `startWorker` whose module calls
 * {@link serveWorker} with handlers of type `H`: `call` sends a request and resolves with the
 * handler's result. Every failure is one line: a CamkitError thrown in the worker arrives as a
 * CamkitError with its message, any other error as `<label>: message`. A worker that crashes or
 * exits rejects every pending and later call instead of leaving it hanging.
 */
export class WorkerClient<H extends WorkerHandlers> {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  /** `label` names the worker in errors, e.g. 'explain worker'. */
  constructor(
    readonly worker: Worker,
    private readonly label: string,
  ) {
    worker.on('message', (msg: RpcResponse) => this.settle(msg));
    worker.on('error', (err) => this.fail(new Error(`${label}: ${oneLine(err)}`)));
    worker.on('exit', (code) => this.fail(new Error(`${label} exited (code ${code})`)));
  }

  /** Calls `method` in the worker; `transfer` moves those buffers of `arg` instead of copying them. */
  call<K extends keyof H & string>(
    method: K,
    arg: Parameters<H[K]>[0],
    transfer: readonly TransferListItem[] = [],
  ): Promise<WorkerResult<H[K]>> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.worker.postMessage({ id, method, arg } satisfies RpcRequest, transfer);
      } catch (err) {
        this.pending.delete(id);
        reject(new Error(`${this.label}: ${oneLine(err)}`));
      }
    });
  }

  /** Stops the worker; pending calls reject. */
  async terminate(): Promise<void> {
    this.fail(new Error(`${this.label} was terminated`));
    await this.worker.terminate();
  }

  private settle(msg: RpcResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(msg.user ? new CliError(msg.message) : new Error(`${this.label}: ${msg.message}`));
  }

  /** The first failure sticks: a worker that died once answers nothing more. */
  private fail(err: Error): void {
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
