/** Names of the built-in colormaps. */
export type ColormapName = 'jet' | 'turbo' | 'viridis' | 'inferno' | 'gray';

/** A colormap: 256 RGB entries, `lut[3 * i + c]`, for values i / 255. */
export type ColormapLut = Uint8Array;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Round half to even, like OpenCV's saturate_cast when it converts its float tables to 8 bits. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function build(fn: (x: number) => [number, number, number], round = Math.round): ColormapLut {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const rgb = fn(i / 255);
    for (let c = 0; c < 3; c++) lut[3 * i + c] = round(255 * clamp01(rgb[c]));
  }
  return lut;
}

/** Polynomial in Horner form: c[0] + x c[1] + x² c[2] + … */
const poly = (c: readonly number[], x: number) => c.reduceRight((acc, k) => acc * x + k, 0);

/**
 * Jet as OpenCV's COLORMAP_JET builds it (the GNU Octave / MATLAB jet: piecewise-linear ramps of
 * slope 4), in RGB order. cv2.applyColorMap returns BGR; pytorch-grad-cam's show_cam_on_image
 * converts it to RGB, which is what this table holds.
 */
function jet(x: number): [number, number, number] {
  return [
    Math.min(4 * x - 1.5, -4 * x + 4.5),
    Math.min(4 * x - 0.5, -4 * x + 3.5),
    Math.min(4 * x + 0.5, -4 * x + 2.5),
  ];
}

// Turbo: the degree-5 polynomial fit published with the colormap (Mikhailov, Google AI blog, 2019).
const TURBO = [
  [0.13572138, 4.6153926, -42.66032258, 132.13108234, -152.94239396, 59.28637943],
  [0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604],
  [0.1066733, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973],
] as const;

// Viridis and inferno: degree-6 least-squares fits to the matplotlib tables (Matt Zucker, CC0).
const VIRIDIS = [
  [
    0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486, 6.228269936347081,
    4.776384997670288, -5.435455855934631,
  ],
  [
    0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585, 14.17993336680509,
    -13.74514537774601, 4.645852612178535,
  ],
  [
    0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987, 56.69055260068105,
    -65.35303263337234, 26.3124352495832,
  ],
] as const;
const INFERNO = [
  [
    0.0002189403691192265, 0.1065134194856116, 11.60249308247187, -41.70399613139459, 77.162935699427,
    -71.31942824499214, 25.13112622477341,
  ],
  [
    0.001651004631001012, 0.5639564367884091, -3.972853965665698, 17.43639888205313, -33.40235894210092,
    32.62606426397723, -12.24266895238567,
  ],
  [
    -0.01948089843709184, 3.932712388889277, -15.9423941062914, 44.35414519872813, -81.80730925738993,
    73.20951985803202, -23.07032500287172,
  ],
] as const;

const fromPoly =
  (p: readonly (readonly number[])[]) =>
  (x: number): [number, number, number] => [poly(p[0], x), poly(p[1], x), poly(p[2], x)];

/**
 * The built-in colormaps as 256-entry RGB lookup tables. `jet` is built the way OpenCV builds
 * COLORMAP_JET (the seed's and pytorch-grad-cam's default): every ramp entry falls on a .5 before
 * rounding, so an entry may differ from OpenCV's by one level where float rounding differs.
 * `viridis` and `inferno` come from published polynomial fits (within ~5 levels of matplotlib);
 * `turbo` from its authors' polynomial fit (close in the middle, up to ~30 levels off at the dark
 * ends); `gray` is the identity.
 */
export const COLORMAPS: Readonly<Record<ColormapName, ColormapLut>> = {
  jet: build(jet, roundHalfEven),
  turbo: build(fromPoly(TURBO)),
  viridis: build(fromPoly(VIRIDIS)),
  inferno: build(fromPoly(INFERNO)),
  gray: build((x) => [x, x, x]),
};
