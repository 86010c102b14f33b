import type { TransferListItem } from 'node:worker_threads';

/** A worker handler's result whose buffers move to the caller instead of being copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly list: readonly TransferListItem[],
  ) {}
}

/**
 * Wraps a handler's result so that `list` (e.g. the `.buffer`s of the typed arrays in `value`) is
 * transferred, not copied; the worker must not use those buffers afterwards.
 */
export function withTransfer<T>(value: T, list: readonly TransferListItem[]): Transfer<T> {
  return new Transfer(value, list);
}
