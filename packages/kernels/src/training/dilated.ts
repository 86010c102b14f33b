/** True when a conv's `dilations` attribute (a number or a pair) asks for a dilation other than 1. */
export function dilated(dilations: unknown): boolean {
  const d = Array.isArray(dilations) ? dilations : [dilations ?? 1];
  return d.some((v) => v !== 1);
}
