import { CamkitError } from '../errors.js';

/** Result of {@link averageDropIncrease}, in percent. */
export interface AverageDropIncrease {
  /** Mean over images of max(0, Y − O) / Y × 100. Lower is better. */
  averageDrop: number;
  /** Percentage of images whose score rose when shown only the explained region. Higher is better. */
  increaseInConfidence: number;
}

/**
 * Average Drop % and % Increase in Confidence (Chattopadhyay et al., Grad-CAM++, 2018): `origScores`
 * are the class scores Y on the full images, `maskedScores` the scores O on the images multiplied by
 * their explanation maps (`image ⊙ map`), for the same class.
 */
export function averageDropIncrease(
  origScores: ArrayLike<number>,
  maskedScores: ArrayLike<number>,
): AverageDropIncrease {
  const n = origScores.length;
  if (n === 0 || maskedScores.length !== n) {
    throw new CamkitError(
      `averageDropIncrease: need the same non-zero number of scores, got ${n} and ${maskedScores.length}`,
    );
  }
  let drop = 0;
  let increase = 0;
  for (let i = 0; i < n; i++) {
    const y = origScores[i];
    const o = maskedScores[i];
    if (!(y > 0)) throw new CamkitError(`averageDropIncrease: original score ${i} must be > 0, got ${y}`);
    drop += Math.max(0, y - o) / y;
    if (o > y) increase++;
  }
  return { averageDrop: (100 * drop) / n, increaseInConfidence: (100 * increase) / n };
}
