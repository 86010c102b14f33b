// Writes a small camkit run for `pnpm dev` with the real CLI (train, explain, evaluate on core's
// synthetic shapes), so the sample has exactly the layout users' runs have:
//   pnpm sample [--out DIR] [--images N] [--size PX] [--epochs E]
// For a run with every method and both models explained: camkit demo --out .sample-run.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAKE_RUN_DEFAULTS, makeRun } from './make-run.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '..', '.sample-run') },
    images: { type: 'string', default: String(24) },
    size: { type: 'string', default: String(MAKE_RUN_DEFAULTS.size) },
    epochs: { type: 'string', default: String(MAKE_RUN_DEFAULTS.epochs) },
  },
});

const opts = { images: Number(args.images), size: Number(args.size), epochs: Number(args.epochs) };
// Every option checked before anything is written.
for (const [k, v] of Object.entries(opts)) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`make-sample-run: --${k} must be a positive integer`);
    process.exit(2);
  }
}

const out = resolve(args.out!);
// Written beside the target, then renamed into place: an interrupted run leaves no half sample.
const work = mkdtempSync(join(dirname(out), '.sample-tmp-'));
try {
  const run = await makeRun(work, opts);
  rmSync(out, { recursive: true, force: true });
  renameSync(run, out);
  console.log(`sample run -> ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
