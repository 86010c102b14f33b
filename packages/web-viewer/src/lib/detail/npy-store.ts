import { NpyCache } from './npy-cache.js';

/** One cache for the whole page: gallery detail and side-by-side views share loaded maps. */
export const npyCache = new NpyCache(96);
