import { CliError } from '../errors.js';

/** Parses `--augment`: a comma list of flip and shift, or none. */
export function parseAugment(value: string | boolean): { flip: boolean; shift: number } | null {
  if (value === false || value === 'none') return null;
  if (value === true) return { flip: true, shift: 2 };
  const parts = value.split(',').map((s) => s.trim());
  const bad = parts.filter((p) => p !== 'flip' && p !== 'shift');
  if (bad.length || parts.length === 0) {
    throw new CliError(`--augment ${value}: expected flip, shift, flip,shift or none`);
  }
  return parts.includes('shift') ? { flip: parts.includes('flip'), shift: 2 } : { flip: true, shift: 0 };
}
