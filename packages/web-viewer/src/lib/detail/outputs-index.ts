import type { Manifest, OutputEntry } from '@camkit/core';

/** Methods whose saved map is a 3-channel input gradient, shown as an RGB picture rather than a heat map. */
export function isGuided(out: Pick<OutputEntry, 'shape'>): boolean {
  return out.shape.length === 3 && out.shape[2] > 1;
}

/** Outputs grouped by image id, built once per manifest so opening an image costs a lookup. */
export function indexOutputs(manifest: Manifest): Map<string, OutputEntry[]> {
  const byImage = new Map<string, OutputEntry[]>();
  for (const o of manifest.outputs) {
    let list = byImage.get(o.image);
    if (!list) {
      list = [];
      byImage.set(o.image, list);
    }
    list.push(o);
  }
  return byImage;
}

/** Distinct values in first-seen order. */
function distinct<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

export interface Choice {
  model: string;
  method: string;
  classIndex: number;
}

/** What the image's outputs offer: models, then methods for a model, then classes for a model+method. */
export function choicesFor(outputs: readonly OutputEntry[], model: string, method: string) {
  const models = distinct(outputs.map((o) => o.model));
  const methods = distinct(outputs.filter((o) => o.model === model).map((o) => o.method));
  const classes = distinct(
    outputs.filter((o) => o.model === model && o.method === method).map((o) => o.classIndex),
  ).sort((a, b) => a - b);
  return { models, methods, classes };
}

/**
 * The closest valid choice to `want`: keeps each part that exists for this image, otherwise falls
 * back to the first available (preferring `preferClass`, usually the predicted class).
 */
export function settleChoice(
  outputs: readonly OutputEntry[],
  want: Partial<Choice>,
  preferClass?: number,
): Choice | null {
  if (outputs.length === 0) return null;
  const models = distinct(outputs.map((o) => o.model));
  const model = want.model !== undefined && models.includes(want.model) ? want.model : models[0];
  const { methods } = choicesFor(outputs, model, '');
  const method = want.method !== undefined && methods.includes(want.method) ? want.method : methods[0];
  const { classes } = choicesFor(outputs, model, method);
  let classIndex: number;
  if (want.classIndex !== undefined && classes.includes(want.classIndex)) classIndex = want.classIndex;
  else if (preferClass !== undefined && classes.includes(preferClass)) classIndex = preferClass;
  else classIndex = classes[0];
  return { model, method, classIndex };
}

/** The output for a choice, if present. */
export function findOutput(outputs: readonly OutputEntry[], c: Choice): OutputEntry | undefined {
  return outputs.find((o) => o.model === c.model && o.method === c.method && o.classIndex === c.classIndex);
}
