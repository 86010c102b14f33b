import type { Box } from '../manifest/schema.js';
import { iou } from './iou.js';

/**
 * Top-1 localisation error as in the ILSVRC evaluation used by the CAM and Grad-CAM papers: an error
 * when the predicted class is wrong, when there is no predicted box, or when its IoU with the
 * ground-truth box is below `minIou` (0.5).
 */
export function localizationError(
  predClass: number,
  trueClass: number,
  predBox: Box | null,
  trueBox: Box,
  minIou = 0.5,
): boolean {
  if (predClass !== trueClass || predBox === null) return true;
  return iou(predBox, trueBox) < minIou;
}
