import { startWorker } from '../../workers/start-worker.js';
import { WorkerClient } from '../../workers/worker-client.js';
import type { InitArgs, ReplicaHandlers } from './protocol.js';

/** A replica worker as the trainer calls it. */
export type Replica = WorkerClient<ReplicaHandlers>;

/**
 * Starts `count` replica workers (worker.ts) and initialises each with `init`; if any fails, all
 * are stopped and the first failure is thrown.
 */
export async function startReplicas(count: number, init: InitArgs): Promise<Replica[]> {
  const replicas: Replica[] = Array.from(
    { length: count },
    () => new WorkerClient<ReplicaHandlers>(startWorker(import.meta.url), 'parallel trainer worker'),
  );
  try {
    await Promise.all(replicas.map((r) => r.call('init', init)));
  } catch (err) {
    await Promise.all(replicas.map((r) => r.terminate()));
    throw err;
  }
  return replicas;
}
