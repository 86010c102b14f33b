import type { Log } from '../log.js';
import { commonImageSize } from './common-image-size.js';
import type { Header } from './read-headers.js';

/**
 * The input size when --input-size is not given: the images' own when they all share one square
 * size (so 28-px images train at 28, not upscaled), else 64, from the files' headers
 * ({@link readHeaders}). Says which and why.
 */
export function defaultInputSize(headers: readonly Header[], log: Log): number {
  const common = commonImageSize(headers);
  if (common && common[0] === common[1]) {
    log.info(
      `data: input size ${common[0]}, every image's own (${common[0]}×${common[1]}); --input-size resizes`,
    );
    return common[0];
  }
  log.info(
    `data: input size 64, as the images ${common ? `are ${common[0]}×${common[1]} (not square)` : 'differ in size'}; --input-size sets another`,
  );
  return 64;
}
