// Tests run the real CLI entry (bin/camkit.js → dist/cli.js): build whatever is stale first.
// @ts-expect-error plain .mjs script without types
import { ensureBuilt } from '../scripts/ensure-built.mjs';

export default function setup(): void {
  ensureBuilt({ quiet: true });
}
