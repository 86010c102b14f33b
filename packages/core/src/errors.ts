/** The one error type camkit throws for bad user input. Its message is a single line naming the problem. */
export class CamkitError extends Error {
  override name = 'CamkitError';
}
