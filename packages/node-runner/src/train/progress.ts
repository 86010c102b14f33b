import cliProgress from 'cli-progress';

/** A per-epoch progress bar with loss/accuracy/ETA on a terminal; silent when stderr is not a TTY. */
export class ProgressLine {
  private bar: cliProgress.SingleBar | null = null;

  start(title: string, total: number): void {
    if (!process.stderr.isTTY) return;
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
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
