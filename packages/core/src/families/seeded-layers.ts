import * as tf from '@tensorflow/tfjs-layers';
type Initializer = ReturnType<typeof tf.initializers.heNormal>;

type Sym = tf.SymbolicTensor;
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
