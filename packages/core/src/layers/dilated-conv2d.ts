import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The fields of tfjs-layers' Conv2D that its call reads. */
interface ConvFields {
  kernel: tfl.LayerVariable;
  bias: tfl.LayerVariable | null;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number | number[];
  activation: { apply(x: tfc.Tensor): tfc.Tensor };
}

type LayerClass = new (args?: object) => tfl.layers.Layer;
// tfjs-layers does not export the class; it registers it for deserialisation (instantiating one to
// read its constructor would shift the auto-generated layer names of the user's models).
const registered = tfc.serialization.SerializationMap.getMap().classNameMap.Conv2D;
const Stock = (registered?.[0] ?? tfl.layers.Layer) as unknown as LayerClass;

function isDilated(rate: number | number[]): boolean {
  return (Array.isArray(rate) ? rate : [rate]).some((d) => d !== 1);
}

/**
 * tfjs-layers' `Conv2D`, except that a dilated conv under a gradient (training, and every gradient
 * explanation) runs as the plain `conv2d` op, then bias and activation. tfjs-layers runs every conv
 * as `fused.conv2d`, whose own gradient refuses dilation > 1 — so a dilated conv with a linear
 * activation (the usual one before a BatchNormalization) could not be trained or explained at all,
 * even where the `Conv2D` gradient supports dilation (every backend with `@camkit/kernels`'
 * `registerCamkitKernels()`). Everything
 * else — undilated convs, inference, config, weights, serialisation (class name `Conv2D`) — is
 * tfjs-layers' own. Registered in place of the stock class, so loaded models get it too.
 */
export class DilatedConv2D extends Stock {
  static className = 'Conv2D';

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: object): tfc.Tensor | tfc.Tensor[] {
    const f = this as unknown as ConvFields;
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    const underGradient = tfc.engine().state.gradientDepth > 0;
    if (
      !underGradient ||
      !isDilated(f.dilationRate) ||
      f.dataFormat !== 'channelsLast' ||
      (f.padding !== 'same' && f.padding !== 'valid') ||
      input.rank !== 4
    ) {
      return super.call(inputs, kwargs);
    }
    return tfc.tidy(() => {
      const rate = Array.isArray(f.dilationRate) ? f.dilationRate : [f.dilationRate, f.dilationRate];
      let y: tfc.Tensor = tfc.conv2d(
        input as tfc.Tensor4D,
        f.kernel.read() as tfc.Tensor4D,
        [f.strides[0] ?? 1, f.strides[1] ?? f.strides[0] ?? 1],
        f.padding as 'same' | 'valid',
        'NHWC',
        [rate[0] ?? 1, rate[1] ?? rate[0] ?? 1],
      );
      if (f.bias != null) y = tfc.add(y, f.bias.read());
      return f.activation.apply(y);
    });
  }
}
tfc.serialization.registerClass(
  DilatedConv2D as unknown as tfc.serialization.SerializableConstructor<tfc.serialization.Serializable>,
);
