import cliProgress from 'cli-progress';

/** Where {@link ProgressLine} writes and how it tells time (injectable for tests). */
export interface ProgressSink {
  isTTY: boolean;
  write(text: string): void;
  now(): number;
}

const stderrSink: ProgressSink = {
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
  write: (text) => process.stderr.write(text),
  now: () => performance.now(),
};

/**
 * A per-epoch progress bar with loss/accuracy/ETA on a terminal. When stderr is not a TTY (a log
 * file, CI, `nohup`), a plain line at most every `everyMs` (default 30 s) instead, so a long epoch
 * is not silent there; epochs shorter than that print nothing extra.
 */
export class ProgressLine {
  private bar: cliProgress.SingleBar | null = null;
  private plain: { title: string; total: number; t0: number; last: number } | null = null;

  constructor(
    private readonly sink: ProgressSink = stderrSink,
    private readonly everyMs = 30_000,
  ) {}

  start(title: string, total: number): void {
    if (!this.sink.isTTY) {
      const t0 = this.sink.now();
      this.plain = { title, total, t0, last: t0 };
      return;
    }
    this.bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${title} [{bar}] {value}/{total} {status} ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { status: '' });
  }

  update(value: number, status: string): void {
    this.bar?.update(value, { status });
    const p = this.plain;
    if (!p || value <= 0) return;
    const now = this.sink.now();
    if (now - p.last < this.everyMs || value >= p.total) return;
    p.last = now;
    const eta = ((now - p.t0) / value) * (p.total - value);
    this.sink.write(`${p.title} ${value}/${p.total} ${status} ETA ${formatSeconds(eta / 1000)}\n`);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
    this.plain = null;
  }
}

function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}
