import { InvalidArgumentError } from 'commander';

/** Commander argument parsers that reject bad values with a one-line message. */
export function int(min = Number.MIN_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer ≥ ${min}`);
    return n;
  };
}

export function float(min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a number in [${min}, ${max}]`);
    }
    return n;
  };
}

export function intList(value: string): number[] {
  const parts = value.split(',').map((s) => Number(s.trim()));
  if (parts.length === 0 || parts.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError('expected comma-separated positive integers, e.g. 16,32,64');
  }
  return parts;
}

export function oneOf<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!choices.includes(value as T))
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}`);
    return value as T;
  };
}

/** A name that becomes part of file paths (a model id): letters, digits, `.`, `_`, `-`; no `..`. */
export function fileId(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) || value.includes('..')) {
    throw new InvalidArgumentError('expected letters, digits, ".", "_" or "-" (it names files), e.g. camnet');
  }
  return value;
}

/** A count of at least 1, or `auto` (`--workers`, `--concurrency`). */
export function countOrAuto(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : int(1)(value);
}
