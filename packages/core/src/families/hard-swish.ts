import * as tf from '@tensorflow/tfjs-layers';

type Sym = tf.SymbolicTensor;

/**
 * MobileNetV3's hard sigmoid, `relu6(x + 3) / 6`, from stock layers: `Rescaling(1/6, +0.5)` then
 * `ReLU(maxValue 1)` (tfjs's 'hardSigmoid' activation is Keras 2's `0.2x + 0.5`, a different curve).
 */
export function hardSigmoid(x: Sym, name: string): Sym {
  const scaled = tf.layers.rescaling({ name: `${name}_scale`, scale: 1 / 6, offset: 0.5 }).apply(x) as Sym;
  return tf.layers.reLU({ name, maxValue: 1 }).apply(scaled) as Sym;
}

/** Hard swish `x · relu6(x + 3) / 6` (Howard et al. 2019), as `Multiply([x, hardSigmoid(x)])`. */
export function hardSwish(x: Sym, name: string): Sym {
  return tf.layers.multiply({ name }).apply([x, hardSigmoid(x, `${name}_hsig`)]) as Sym;
}
