// metrics: public API of this folder, re-exported by src/index.ts.
export type { AverageDropIncrease } from './average-drop-increase.js';
export { averageDropIncrease } from './average-drop-increase.js';
export { boxFromMap } from './box-from-map.js';
export type {
  Baseline,
  Curve,
  DeletionInsertionOptions,
  DeletionInsertionResult,
} from './deletion-insertion.js';
export { deletionInsertion, trapezoidAuc } from './deletion-insertion.js';
export { boxArea, iou } from './iou.js';
export { localizationError } from './localization-error.js';
export type { PointingGameOptions, PointingGameResult } from './pointing-game.js';
export { pointingGame } from './pointing-game.js';
