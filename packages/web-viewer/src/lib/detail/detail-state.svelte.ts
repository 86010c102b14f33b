import { type ImageEntry, iou, type NpyArray, type OutputEntry } from '@camkit/core';
import { abortableEffect } from '../effects/abortable-effect.svelte.js';
import type { RunState } from '../run/run-state.svelte.js';
import { runFileUrl } from '../run/run-url.js';
import { boxToRect, rescaleBox } from './box-rect.js';
import { loadImageRgb, rgbToRgba } from './image-pixels.js';
import { npyCache } from './npy-store.js';
import { choicesFor, findOutput, isGuided, settleChoice } from './outputs-index.js';
import { guidedRgba, heatmapRgba, mapSize, overlayRgba, safeColormap, thresholdBox } from './render-maps.js';

/** What the detail view is showing: the run, the image and that image's outputs. */
export interface DetailProps {
  run: RunState;
  image: ImageEntry;
  outputs: OutputEntry[];
  /** The gallery's model: preferred when this image has outputs for it. */
  modelId: string;
}

/**
 * One image's detail view: the user's choice of model / method / class and display settings, the
 * map and picture loaded for it, and everything drawn from them (heat map, overlay, boxes, IoU).
 * Construct it during component init (it owns the loading effects); `props` is read reactively.
 */
export class DetailState {
  wantModel = $state<string | undefined>(undefined);
  wantMethod = $state<string | undefined>(undefined);
  wantClass = $state<number | undefined>(undefined);
  opacity = $state(0.5);
  colormap = $state('jet');
  showGt = $state(true);
  showMapBox = $state(true);
  /** Map box threshold, as a fraction of the map's maximum. */
  fraction = $state(0.2);
  error = $state<string | null>(null);

  // Each loaded value remembers what it was loaded for: no old map over a new image in between.
  #loaded = $state.raw<{ npy: string; arr: NpyArray } | null>(null);
  #picture = $state.raw<{ key: string; rgb: Uint8ClampedArray } | null>(null);

  readonly #props: () => DetailProps;

  constructor(props: () => DetailProps) {
    this.#props = props;
    const m = props().run.manifest;
    // Start from the run's own display settings.
    this.opacity = m?.alpha ?? 0.5;
    this.colormap = safeColormap(m?.colormap ?? 'jet');

    abortableEffect(async (signal) => {
      const out = this.current;
      const base = this.#props().run.base;
      if (!out) return;
      this.error = null;
      try {
        const arr = await npyCache.get(runFileUrl(base, out.npy));
        if (!signal.aborted) this.#loaded = { npy: out.npy, arr };
      } catch (e) {
        if (!signal.aborted) this.error = `Could not load ${out.npy}: ${e instanceof Error ? e.message : e}`;
      }
    });

    // The picture at the map's resolution, for the overlay.
    abortableEffect(async (signal) => {
      const npy = this.npy;
      const { image, run } = this.#props();
      if (!npy) return;
      const { width, height } = mapSize(npy);
      const key = `${image.file}@${width}x${height}`;
      if (this.#picture?.key === key) return;
      try {
        const rgb = await loadImageRgb(runFileUrl(run.base, image.file), width, height);
        if (!signal.aborted) this.#picture = { key, rgb };
      } catch (e) {
        if (!signal.aborted) this.error = e instanceof Error ? e.message : String(e);
      }
    });
  }

  get image(): ImageEntry {
    return this.#props().image;
  }

  readonly choice = $derived.by(() => {
    const { image, outputs, modelId } = this.#props();
    const model = this.wantModel ?? modelId;
    const pred = image.predictions[model]?.predicted;
    return settleChoice(
      outputs,
      { model, method: this.wantMethod, classIndex: this.wantClass },
      pred ?? image.trueClass ?? undefined,
    );
  });
  // $derived.by: the props getter is set in the constructor, after field initialisers run.
  readonly choices = $derived.by(() =>
    this.choice ? choicesFor(this.#props().outputs, this.choice.model, this.choice.method) : null,
  );
  readonly current = $derived.by(() =>
    this.choice ? findOutput(this.#props().outputs, this.choice) : undefined,
  );
  readonly classNames = $derived.by(
    () => this.#props().run.manifest?.models.find((m) => m.id === this.choice?.model)?.classNames ?? [],
  );

  /** The current output's map, once loaded (null while another output's map is all there is). */
  readonly npy = $derived(
    this.#loaded && this.current && this.#loaded.npy === this.current.npy ? this.#loaded.arr : null,
  );
  /** Map size, or the image's own before a map is loaded. */
  readonly size = $derived(
    this.npy ? mapSize(this.npy) : { width: this.image.width, height: this.image.height },
  );
  readonly guided = $derived(this.npy !== null && this.current !== undefined && isGuided(this.current));
  /** The picture's RGB bytes at the map's size, when loaded for this image and size. */
  readonly rgb = $derived(
    this.#picture?.key === `${this.image.file}@${this.size.width}x${this.size.height}`
      ? this.#picture.rgb
      : null,
  );
  readonly original = $derived(this.rgb ? rgbToRgba(this.rgb) : null);
  readonly heat = $derived(this.npy && !this.guided ? heatmapRgba(this.npy, this.colormap) : null);
  readonly blended = $derived(
    this.npy && !this.guided && this.rgb
      ? overlayRgba(this.rgb, this.npy, this.opacity, this.colormap)
      : null,
  );
  readonly guidedPic = $derived(this.npy && this.guided ? guidedRgba(this.npy) : null);
  readonly mapBox = $derived(this.npy && !this.guided ? thresholdBox(this.npy, this.fraction) : null);
  readonly gtRect = $derived(
    this.image.bbox
      ? boxToRect(this.image.bbox, this.image.width, this.image.height, this.size.width, this.size.height)
      : null,
  );
  readonly mapRect = $derived(
    this.mapBox
      ? boxToRect(this.mapBox, this.size.width, this.size.height, this.size.width, this.size.height)
      : null,
  );
  /** IoU of the ground-truth box and the thresholded map's box, in the image's pixels. */
  readonly boxIou = $derived(
    this.image.bbox && this.mapBox
      ? iou(
          this.image.bbox,
          rescaleBox(this.mapBox, this.size.width, this.size.height, this.image.width, this.image.height),
        )
      : null,
  );
}
