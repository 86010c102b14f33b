import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { batchNormTrain } from './batch-norm-train.js';

/** The fields of tfjs-layers' BatchNormalization that its training step reads. */
interface BatchNormFields {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma: tfl.LayerVariable;
  beta: tfl.LayerVariable;
  movingMean: tfl.LayerVariable;
  movingVariance: tfl.LayerVariable;
}

type LayerClass = new (args?: object) => tfl.layers.Layer;
// tfjs-layers does not export the class; it registers it for deserialisation (instantiating one to
// read its constructor would shift the auto-generated layer names of the user's models).
const registered = tfc.serialization.SerializationMap.getMap().classNameMap.BatchNormalization;
const Stock = (registered?.[0] ?? tfl.layers.Layer) as unknown as LayerClass;

/**
 * tfjs-layers' `BatchNormalization`, with its training step on {@link batchNormTrain} (one forward
 * and one closed-form backward step instead of tfjs's op chain) when it normalises over every axis but
 * the last with both γ and β, as Keras convs and Dense layers do. Everything else — inference,
 * other axes, config, weights, serialisation (class name `BatchNormalization`) — is tfjs-layers' own:
 * a model saved with it loads anywhere a stock one does. Registered in place of the stock class, so
 * models loaded from JSON (checkpoints, resumed runs, users' models) train the same way as new ones.
 */
export class FusedBatchNormalization extends Stock {
  static className = 'BatchNormalization';

  override call(
    inputs: tfc.Tensor | tfc.Tensor[],
    kwargs: { training?: boolean },
  ): tfc.Tensor | tfc.Tensor[] {
    const f = this as unknown as BatchNormFields;
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    const axis = f.axis >= 0 ? f.axis : f.axis + input.rank;
    if (!kwargs.training || !f.center || !f.scale || axis !== input.rank - 1 || input.dtype !== 'float32') {
      return super.call(inputs, kwargs);
    }
    return tfc.tidy(() => {
      const { y, mean, variance } = batchNormTrain(
        input,
        f.gamma.read() as tfc.Tensor1D,
        f.beta.read() as tfc.Tensor1D,
        f.epsilon,
      );
      // The moving averages exactly as tfjs-layers updates them: v ← v − (v − batch)·(1 − momentum).
      for (const [variable, value] of [
        [f.movingMean, mean],
        [f.movingVariance, variance],
      ] as const) {
        tfc.tidy(() => {
          const orig = variable.read();
          variable.write(tfc.sub(orig, tfc.mul(tfc.sub(orig, value), 1 - f.momentum)));
        });
      }
      tfc.dispose([mean, variance]);
      return y;
    });
  }
}
tfc.serialization.registerClass(
  FusedBatchNormalization as unknown as tfc.serialization.SerializableConstructor<tfc.serialization.Serializable>,
);
