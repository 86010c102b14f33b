import { CamkitError } from '../errors.js';

/** Throws a CamkitError unless `map` holds exactly h × w values. */
export function checkMap(map: ArrayLike<number>, h: number, w: number, fn: string): void {
  if (!Number.isInteger(h) || !Number.isInteger(w) || h < 1 || w < 1) {
    throw new CamkitError(`${fn}: height and width must be positive integers, got ${h}×${w}`);
  }
  if (map.length !== h * w) {
    throw new CamkitError(`${fn}: map has ${map.length} values, expected ${h}×${w} = ${h * w}`);
  }
}
