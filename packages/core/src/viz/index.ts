// viz: public API of this folder, re-exported by src/index.ts.
export type { ApplyColormapOptions } from './apply-colormap.js';
export { applyColormap } from './apply-colormap.js';
export type { ColormapLut, ColormapName } from './colormaps.js';
export { COLORMAPS } from './colormaps.js';
export { deprocessImage } from './deprocess-image.js';
export type { OverlayOptions } from './overlay.js';
export { overlay } from './overlay.js';
