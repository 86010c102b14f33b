import type { z } from 'zod';
import { CamkitError } from '../errors.js';

/**
 * The first problem of a zod error as one line: `field.path: message` (`(root)` for the top
 * level). zod's own `message` is a multi-line JSON dump that starts with `[`.
 */
export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.map(String).join('.') : '(root)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}: ${first?.message ?? 'invalid'}${more}`;
}

/**
 * Validates `value` (a parsed JSON file, or one about to be written) against `schema` and returns
 * the parsed result. A mismatch is a {@link CamkitError} with one line naming the file and the field,
 * e.g. `metrics.json: invalid methods.0.pointingGame: Invalid input: expected number, received NaN`.
 *
 * @param file how the user knows the file (its path or name); it starts the message.
 */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new CamkitError(`${file}: invalid ${describeZodError(r.error)}`);
}
