import type { ImageEntry } from '@camkit/core';

export type Correctness = 'all' | 'correct' | 'incorrect';

export interface ImageFilter {
  /** Model whose predictions are shown and judged. */
  model: string;
  /** Keep only images of this class (null: every class). */
  classIndex: number | null;
  /** Whether `classIndex` refers to the true or the predicted class. */
  classOf: 'true' | 'predicted';
  /** 'correct'/'incorrect' drop images without ground truth: they can be neither. */
  correctness: Correctness;
}

/** Indices into `images` that pass the filter, in manifest order. */
export function filterImages(images: readonly ImageEntry[], f: ImageFilter): number[] {
  const out: number[] = [];
  for (let i = 0; i < images.length; i++) {
    const img = images[i];
    const pred = img.predictions[f.model]?.predicted ?? null;
    if (f.classIndex !== null) {
      const cls = f.classOf === 'true' ? img.trueClass : pred;
      if (cls !== f.classIndex) continue;
    }
    if (f.correctness !== 'all') {
      if (img.trueClass === null || pred === null) continue;
      if ((pred === img.trueClass) !== (f.correctness === 'correct')) continue;
    }
    out.push(i);
  }
  return out;
}
