import { CamkitError } from '../errors.js';
import type { Box } from '../manifest/schema.js';
import { checkMap } from './check-map.js';

/** Options for {@link pointingGame}. */
export interface PointingGameOptions {
  /**
   * Distance in pixels within which the maximum still counts as a hit. The pointing game
   * (Zhang et al. 2016) uses 15 px on ~224 px inputs; the default scales that to the map:
   * `15 × max(h, w) / 224`. Use 0 for a strict inside test.
   */
  tolerance?: number;
}

/** Result of {@link pointingGame}. */
export interface PointingGameResult {
  hit: boolean;
  /** Position of the map's maximum (first one in row-major order on ties). */
  x: number;
  y: number;
  /** Euclidean distance in pixels from the maximum to the nearest object pixel (0 inside). */
  distance: number;
}

/**
 * Pointing game: does the map's maximum fall on the object? `truth` is the object's inclusive box or
 * its [h, w] mask (nonzero = object); a hit is a maximum within `tolerance` pixels of it.
 */
export function pointingGame(
  map: ArrayLike<number>,
  h: number,
  w: number,
  truth: Box | ArrayLike<number>,
  opts: PointingGameOptions = {},
): PointingGameResult {
  checkMap(map, h, w, 'pointingGame');
  const tolerance = opts.tolerance ?? (15 * Math.max(h, w)) / 224;
  if (!(tolerance >= 0)) throw new CamkitError(`pointingGame: tolerance must be ≥ 0, got ${tolerance}`);
  let best = 0;
  for (let i = 1; i < map.length; i++) if (map[i] > map[best]) best = i;
  const y = Math.floor(best / w);
  const x = best - y * w;
  let distance: number;
  if (isBox(truth)) {
    const dx = Math.max(truth.xMin - x, 0, x - truth.xMax);
    const dy = Math.max(truth.yMin - y, 0, y - truth.yMax);
    distance = Math.hypot(dx, dy);
  } else {
    if (truth.length !== h * w) {
      throw new CamkitError(`pointingGame: mask has ${truth.length} values, expected ${h}×${w} = ${h * w}`);
    }
    distance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < truth.length; i++) {
      if (!truth[i]) continue;
      const d = Math.hypot(Math.floor(i / w) - y, (i % w) - x);
      if (d < distance) distance = d;
    }
  }
  return { hit: distance <= tolerance, x, y, distance };
}

function isBox(t: Box | ArrayLike<number>): t is Box {
  return typeof (t as Box).xMin === 'number' && (t as ArrayLike<number>).length === undefined;
}
