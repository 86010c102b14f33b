/** `--stream`: decide from the data's decoded size, or force streaming on or off. */
export type StreamMode = 'auto' | 'on' | 'off';
export const STREAM_MODES: readonly StreamMode[] = ['auto', 'on', 'off'];

/** `--stream auto` decodes into memory up to this many bytes of float32 pixels, else streams. */
export const IN_MEMORY_BUDGET_BYTES = 2 ** 30;

function bytes(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GiB` : `${(n / 2 ** 20).toFixed(0)} MiB`;
}

/**
 * Whether to stream `count` images of `height`×`width`×`channels` from disk: `on`/`off` as told;
 * `auto` when decoding them all (float32, as training holds them) would exceed `budget`. The
 * reason is one phrase for the log line.
 */
export function chooseStreaming(
  mode: StreamMode,
  count: number,
  height: number,
  width: number,
  channels = 3,
  budget = IN_MEMORY_BUDGET_BYTES,
): { stream: boolean; reason: string } {
  const need = count * height * width * channels * 4;
  const size = `${count} images × ${height}×${width}×${channels} float32 = ${bytes(need)}`;
  if (mode === 'on') return { stream: true, reason: `--stream on; ${size}` };
  if (mode === 'off') return { stream: false, reason: `--stream off; ${size}` };
  const stream = need > budget;
  return {
    stream,
    reason: `--stream auto: ${size} ${stream ? '>' : '≤'} the ${bytes(budget)} in-memory budget`,
  };
}
