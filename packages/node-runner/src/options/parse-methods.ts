import { METHODS, type Method } from '@camkit/core';
import { InvalidArgumentError } from 'commander';

/** Parses `--method a,b` against core's method list. */
export function parseMethods(value: string): Method[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((m) => !(METHODS as readonly string[]).includes(m));
  if (list.length === 0 || bad.length) {
    throw new InvalidArgumentError(
      `unknown method ${bad.join(', ') || '(none)'}; methods: ${METHODS.join(', ')}`,
    );
  }
  return list as Method[];
}
