// Every entry of turbo, viridis and inferno against matplotlib itself (Debian python3-matplotlib,
// which scripts/test-env.mjs installs for `pnpm test`), not against the generated table's own text.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLORMAPS } from './colormaps.js';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const SCRIPT = `
import json, numpy as np
from matplotlib import colormaps
print(json.dumps({n: colormaps[n](np.arange(256), bytes=True)[:, :3].astype(int).ravel().tolist()
                  for n in ['turbo', 'viridis', 'inferno']}))
`;

describe('COLORMAPS against matplotlib', () => {
  it('turbo, viridis and inferno equal cmap(i, bytes=True) for all 256 entries', () => {
    const ref = JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT], { encoding: 'utf8' })) as Record<
      string,
      number[]
    >;
    for (const name of ['turbo', 'viridis', 'inferno'] as const) {
      expect(ref[name]).toHaveLength(768);
      expect(Array.from(COLORMAPS[name]), name).toEqual(ref[name]);
    }
  });
});
