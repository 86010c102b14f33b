import { describe, expect, it } from 'vitest';
import { ProgressLine } from './progress.js';

function fakeSink() {
  const sink = {
    isTTY: false,
    lines: [] as string[],
    t: 0,
    write: (s: string) => sink.lines.push(s),
    now: () => sink.t,
  };
  return sink;
}

describe('ProgressLine off a terminal', () => {
  it('writes a plain line at most every everyMs, with an ETA from the rate so far', () => {
    const sink = fakeSink();
    const p = new ProgressLine(sink, 30_000);
    p.start('epoch 1/5', 100);
    sink.t = 10_000;
    p.update(10, 'loss 1.0000');
    expect(sink.lines).toEqual([]); // under 30 s: nothing
    sink.t = 40_000;
    p.update(40, 'loss 0.9000');
    // 40 steps in 40 s → 60 left at 1 s each.
    expect(sink.lines).toEqual(['epoch 1/5 40/100 loss 0.9000 ETA 1m00s\n']);
    sink.t = 50_000;
    p.update(50, 'loss 0.8000');
    expect(sink.lines).toHaveLength(1); // 10 s since the last line
    sink.t = 75_000;
    p.update(75, 'loss 0.7000');
    expect(sink.lines[1]).toBe('epoch 1/5 75/100 loss 0.7000 ETA 25s\n');
    sink.t = 200_000;
    p.update(100, 'loss 0.6000'); // the epoch's own line follows; no duplicate at the end
    p.stop();
    expect(sink.lines).toHaveLength(2);
  });

  it('prints nothing for epochs shorter than the interval', () => {
    const sink = fakeSink();
    const p = new ProgressLine(sink);
    p.start('epoch 1/1', 5);
    for (let i = 1; i <= 5; i++) {
      sink.t += 1000;
      p.update(i, '');
    }
    p.stop();
    expect(sink.lines).toEqual([]);
  });
});
