import * as tf from '@tensorflow/tfjs-layers';
type Initializer = ReturnType<typeof tf.initializers.heNormal>;

type Sym = tf.SymbolicTensor;
/** ZeroPadding2D's amount: the same on every side, or `[[top, bottom], [left, right]]`. */
type PadSpec = number | [[number, number], [number, number]];
type Activation = 'relu' | 'relu6' | 'swish' | 'sigmoid' | 'linear';

/** Conv options shared by the family builders; Keras's defaults where unstated. */
export interface ConvSpec {
  name: string;
  filters: number;
  kernel: number;
  strides?: number;
  padding?: 'same' | 'valid';
  /** Default false (the convs before a BatchNorm have none, as in Keras applications). */
  bias?: boolean;
  activation?: Activation;
}

/**
 * Layer constructors with seeded initializers, so a family builds the same weights on every
 * backend and in every run (tfjs's seeded initializers draw on the host). BatchNorm gets random
 * gamma/beta and moving statistics: with Keras's defaults (0/1) an inference-mode BN is the
 * identity and a test could not tell inference from training mode.
 */
export class SeededLayers {
  private next: number;

  constructor(seed: number) {
    this.next = seed * 1000;
  }

  private seed(): number {
    this.next += 1;
    return this.next;
  }

  private kernelInit(): Initializer {
    return tf.initializers.heNormal({ seed: this.seed() });
  }

  private smallUniform(min: number, max: number): Initializer {
    return tf.initializers.randomUniform({ minval: min, maxval: max, seed: this.seed() });
  }

  conv(x: Sym, s: ConvSpec): Sym {
    return tf.layers
      .conv2d({
        name: s.name,
        filters: s.filters,
        kernelSize: s.kernel,
        strides: s.strides ?? 1,
        padding: s.padding ?? 'same',
        useBias: s.bias ?? false,
        activation: s.activation ?? 'linear',
        kernelInitializer: this.kernelInit(),
        biasInitializer: this.smallUniform(-0.1, 0.1),
      })
      .apply(x) as Sym;
  }

  depthwise(x: Sym, s: { name: string; kernel: number; strides?: number; padding?: 'same' | 'valid' }): Sym {
    return tf.layers
      .depthwiseConv2d({
        name: s.name,
        kernelSize: s.kernel,
        strides: s.strides ?? 1,
        padding: s.padding ?? 'same',
        useBias: false,
        depthwiseInitializer: this.kernelInit(),
      })
      .apply(x) as Sym;
  }

  /**
   * Keras applications' strided depthwise conv: stride 1 'same'; stride 2 'valid' after a
   * ZeroPadding2D `padName` of `pad` (e.g. `correctPad(kernel)`).
   */
  depthwiseStrided(
    x: Sym,
    s: { name: string; kernel: number; stride: number; padName: string; pad: PadSpec },
  ): Sym {
    const padded = s.stride === 2 ? this.pad(x, s.padName, s.pad) : x;
    return this.depthwise(padded, {
      name: s.name,
      kernel: s.kernel,
      strides: s.stride,
      padding: s.stride === 2 ? 'valid' : 'same',
    });
  }

  separable(x: Sym, s: { name: string; filters: number; kernel: number }): Sym {
    return tf.layers
      .separableConv2d({
        name: s.name,
        filters: s.filters,
        kernelSize: s.kernel,
        padding: 'same',
        useBias: false,
        depthwiseInitializer: this.kernelInit(),
        pointwiseInitializer: this.kernelInit(),
      })
      .apply(x) as Sym;
  }

  bn(x: Sym, name: string, epsilon = 1e-3): Sym {
    return tf.layers
      .batchNormalization({
        name,
        axis: -1,
        epsilon,
        gammaInitializer: this.smallUniform(0.6, 1.4),
        betaInitializer: this.smallUniform(-0.2, 0.2),
        movingMeanInitializer: this.smallUniform(-0.2, 0.2),
        movingVarianceInitializer: this.smallUniform(0.5, 1.5),
      })
      .apply(x) as Sym;
  }

  /** A ZeroPadding2D: `p` on every side, or Keras's `[[top, bottom], [left, right]]`. */
  pad(x: Sym, name: string, p: PadSpec): Sym {
    const padding: [[number, number], [number, number]] =
      typeof p === 'number'
        ? [
            [p, p],
            [p, p],
          ]
        : p;
    return tf.layers.zeroPadding2d({ name, padding }).apply(x) as Sym;
  }

  /** A Keras `Activation` layer (ReLU6 as a `ReLU` layer with `maxValue: 6`, as Keras writes it). */
  act(x: Sym, name: string, activation: Activation): Sym {
    if (activation === 'relu6') return tf.layers.reLU({ name, maxValue: 6 }).apply(x) as Sym;
    return tf.layers.activation({ name, activation }).apply(x) as Sym;
  }

  dense(x: Sym, name: string, units: number, activation: 'softmax' | 'relu' | 'linear' = 'softmax'): Sym {
    return tf.layers
      .dense({
        name,
        units,
        activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: this.seed() }),
        biasInitializer: this.smallUniform(-0.1, 0.1),
      })
      .apply(x) as Sym;
  }
}
