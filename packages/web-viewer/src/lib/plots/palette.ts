/** Line colours, distinguishable for common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#F0E442',
];

export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length];
}
