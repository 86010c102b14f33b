import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { CamkitError } from '../errors.js';

/** The fields of tfjs-layers' Conv2D that its call reads. */
interface ConvFields {
  kernel: tfl.LayerVariable;
  bias: tfl.LayerVariable | null;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number | number[];
  activation: { apply(x: tfc.Tensor): tfc.Tensor; getClassName(): string };
}

type LayerClass = new (args?: object) => tfl.layers.Layer;
// tfjs-layers does not export the class; it registers it for deserialisation (instantiating one to
// read its constructor would shift the auto-generated layer names of the user's models).
const registered = tfc.serialization.SerializationMap.getMap().classNameMap.Conv2D;
const Stock = (registered?.[0] ?? tfl.layers.Layer) as unknown as LayerClass;

function isDilated(rate: number | number[]): boolean {
  return (Array.isArray(rate) ? rate : [rate]).some((d) => d !== 1);
}

const FUSED_CONV = 'FusedConv2D';

/**
 * The gradient of the `FusedConv2D` kernel for an undilated NHWC conv with a ReLU or no
 * activation (tfjs registers none: its `fused.conv2d` op does not fuse an activation under a
 * gradient, so a training step ran conv, bias add and ReLU as three passes forward and step, cast,
 * multiply backward). dz = dy · step(y) for ReLU (y > 0 exactly where the pre-activation is, as
 * tfjs's own Relu gradient), then each input's gradient of dz — as thunks, so the engine computes
 * only those on the path (not the input gradient of a model's first conv in training).
 */
tfc.registerGradient({
  kernelName: FUSED_CONV,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved as [tfc.Tensor4D, tfc.Tensor4D, tfc.Tensor4D];
    const a = attrs as unknown as {
      strides: [number, number] | number;
      pad: 'same' | 'valid';
      dataFormat: string;
      dilations: [number, number] | number;
      activation: string;
    };
    if (
      isDilated(a.dilations) ||
      a.dataFormat !== 'NHWC' ||
      (a.activation !== 'relu' && a.activation !== 'linear')
    )
      throw new CamkitError(
        `FusedConv2D gradient: only undilated NHWC convs with a relu or linear activation (got ${a.activation}, dilations ${a.dilations})`,
      );
    const dz = (a.activation === 'relu' ? tfc.mul(dy as tfc.Tensor, tfc.step(y)) : dy) as tfc.Tensor4D;
    const common = { strides: a.strides, pad: a.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
    return {
      x: () =>
        tfc.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter }, {
          ...common,
          inputShape: x.shape,
        } as never) as tfc.Tensor,
      filter: () =>
        tfc.engine().runKernel('Conv2DBackpropFilter', { x, dy: dz }, {
          ...common,
          filterShape: filter.shape,
        } as never) as tfc.Tensor,
      bias: () => tfc.sum(dz, [0, 1, 2]),
    };
  },
});

/**
 * tfjs-layers' `Conv2D`, except under a gradient (training, and every gradient explanation):
 * - an undilated channels-last conv with a ReLU runs as one FusedConv2D kernel (conv + bias + ReLU
 *   in the conv's output pass) with its gradient written out (the `FusedConv2D` gradient above);
 * - a dilated conv runs as the plain `conv2d` op, then bias and activation. tfjs-layers runs every
 *   conv as `fused.conv2d`, whose own gradient refuses dilation > 1 — so a dilated conv with a
 *   linear activation (the usual one before a BatchNormalization) could not be trained or
 *   explained at all, even where the `Conv2D` gradient supports dilation (every backend with
 *   `@camkit/kernels`' `registerCamkitKernels()`).
 * Everything else — inference, other activations (and the guided-backprop ReLU an explanation
 * swaps in), config, weights, serialisation (class name `Conv2D`) — is tfjs-layers' own.
 * Registered in place of the stock class, so loaded models get it too.
 */
export class CamkitConv2D extends Stock {
  static className = 'Conv2D';

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: object): tfc.Tensor | tfc.Tensor[] {
    const f = this as unknown as ConvFields;
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    const underGradient = tfc.engine().state.gradientDepth > 0;
    if (
      !underGradient ||
      f.dataFormat !== 'channelsLast' ||
      (f.padding !== 'same' && f.padding !== 'valid') ||
      input.rank !== 4
    ) {
      return super.call(inputs, kwargs);
    }
    const strides: [number, number] = [f.strides[0] ?? 1, f.strides[1] ?? f.strides[0] ?? 1];
    if (!isDilated(f.dilationRate)) {
      if (f.activation.getClassName() !== 'relu') return super.call(inputs, kwargs);
      const fusedInputs: tfc.NamedTensorMap = { x: input, filter: f.kernel.read() };
      if (f.bias != null) fusedInputs.bias = f.bias.read();
      const attrs = { strides, pad: f.padding, dataFormat: 'NHWC', dilations: [1, 1], activation: 'relu' };
      return tfc.engine().runKernel(FUSED_CONV, fusedInputs, attrs as never) as tfc.Tensor;
    }
    return tfc.tidy(() => {
      const rate = Array.isArray(f.dilationRate) ? f.dilationRate : [f.dilationRate, f.dilationRate];
      let y: tfc.Tensor = tfc.conv2d(
        input as tfc.Tensor4D,
        f.kernel.read() as tfc.Tensor4D,
        strides,
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
  CamkitConv2D as unknown as tfc.serialization.SerializableConstructor<tfc.serialization.Serializable>,
);
