import { describe, expect, it } from 'vitest';
import type { rpcFixtureHandlers } from './fixtures/rpc-worker.js';
import { startWorker } from './start-worker.js';
import { WorkerClient } from './worker-client.js';

/** The error `p` rejects with (a resolved `p` fails the test). */
function rejection(p: Promise<unknown>): Promise<Error> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err as Error,
  );
}

function client(): WorkerClient<typeof rpcFixtureHandlers> {
  return new WorkerClient(startWorker(import.meta.url, 'fixtures/rpc-worker'), 'test worker');
}

describe('WorkerClient + serveWorker', () => {
  it('answers each call with its own result, in order, moving transferred buffers both ways', async () => {
    const rpc = client();
    try {
      const xs = Float32Array.from([1, 2.5, -3]);
      const sent = rpc.call('double', xs, [xs.buffer]);
      // Transferred: the caller's buffer is detached at once.
      expect(xs.byteLength).toBe(0);
      // A slow call sent first still answers first and sees the call before it.
      const [doubled, a, b] = await Promise.all([sent, rpc.call('slow', 30), rpc.call('slow', 0)]);
      expect(Array.from(doubled)).toEqual([2, 5, -6]);
      expect([a, b]).toEqual([2, 3]);
      expect(await rpc.call('count', undefined)).toBe(3);
    } finally {
      await rpc.terminate();
    }
  });

  it("rejects with the worker's error as one line, a CamkitError staying one, and keeps serving", async () => {
    const rpc = client();
    try {
      const user = await rejection(rpc.call('userError', 'm.json'));
      expect(user).toBeInstanceOf(Error);
      expect(user.name).toBe('CamkitError');
      expect(user.message).toBe('m.json: not a model file');
      const internal = await rejection(rpc.call('internalError', undefined));
      expect(internal.name).toBe('Error');
      expect(internal.message).toBe('test worker: first line');
      expect(await rpc.call('count', undefined)).toBe(0);
    } finally {
      await rpc.terminate();
    }
  });

  it('rejects pending and later calls when the worker exits or crashes, instead of hanging', async () => {
    const exits = client();
    const exiting = rejection(exits.call('exitSoon', 3));
    const queued = rejection(exits.call('count', undefined));
    expect((await exiting).message).toBe('test worker exited (code 3)');
    expect((await queued).message).toBe('test worker exited (code 3)');
    await expect(exits.call('count', undefined)).rejects.toThrow(/^test worker exited \(code 3\)$/);
    await exits.terminate();

    const crashes = client();
    const err = await rejection(crashes.call('crash', undefined));
    expect(err.message).toBe('test worker: uncaught in worker');
    await expect(crashes.call('count', undefined)).rejects.toThrow(/uncaught in worker/);
    await crashes.terminate();
  });

  it('rejects calls after terminate()', async () => {
    const rpc = client();
    const pending = rejection(rpc.call('slow', 60_000));
    await rpc.terminate();
    expect((await pending).message).toBe('test worker was terminated');
    await expect(rpc.call('count', undefined)).rejects.toThrow(/was terminated/);
  });
});
