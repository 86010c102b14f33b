import '@tensorflow/tfjs-backend-cpu';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../data/prng.js';
import { CamkitConv2D } from './camkit-conv2d.js';

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

const uniform = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => rng.next() * 2 - 1);

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  return diff / scale;
}

/**
 * Σ r · relu(conv(x, w) + b) and its gradients written as plain ops (conv2d, add, relu), which
 * tfjs differentiates with its own Conv2D / Relu gradients: the reference for the fused path.
 */
function stockGrads(
  x: tfc.Tensor4D,
  w: tfc.Tensor4D,
  b: tfc.Tensor1D | null,
  r: tfc.Tensor,
  strides: number,
  pad: 'same' | 'valid',
) {
  const f = (xx: tfc.Tensor, ww: tfc.Tensor, bb?: tfc.Tensor) => {
    let z: tfc.Tensor = tfc.conv2d(xx as tfc.Tensor4D, ww as tfc.Tensor4D, strides, pad);
    if (bb) z = tfc.add(z, bb);
    return tfc.sum(tfc.mul(tfc.relu(z), r));
  };
  return tfc.grads(f)(b ? [x, w, b] : [x, w]);
}

describe('CamkitConv2D: conv + bias + ReLU fused under a gradient', () => {
  const cases = [
    { name: "3×3 'same', stride 1, bias", k: 3, strides: 1, pad: 'same' as const, bias: true },
    { name: "3×3 'valid', stride 2, bias", k: 3, strides: 2, pad: 'valid' as const, bias: true },
    { name: "5×5 'same', stride 2, no bias", k: 5, strides: 2, pad: 'same' as const, bias: false },
  ];
  it.each(cases)('input, kernel and bias gradients equal tfjs’s own: $name', ({ k, strides, pad, bias }) => {
    const rng = new Rng(7);
    const layer = new CamkitConv2D({
      filters: 8,
      kernelSize: k,
      strides,
      padding: pad,
      activation: 'relu',
      useBias: bias,
      // Biases drawn like the kernel, so some pre-activations are negative and the mask matters.
      biasInitializer: 'glorotUniform',
    } as never);
    const x = tfc.tensor4d(uniform(rng, 2 * 9 * 10 * 5), [2, 9, 10, 5]);
    layer.apply(x); // builds the weights
    const [wVar, bVar] = layer.getWeights() as [tfc.Tensor4D, tfc.Tensor1D | undefined];
    const y = layer.apply(x) as tfc.Tensor;
    const r = tfc.tensor(uniform(rng, y.size), y.shape);
    const before = tfc.memory().numTensors;
    // The layer under a gradient (the fused path): d/d(x, w, b) of Σ r · layer(x).
    const vars = layer.trainableWeights.map((v) => v.read() as tfc.Variable);
    const { value, grads } = tfc.variableGrads(
      () => tfc.sum(tfc.mul(layer.apply(x) as tfc.Tensor, r)) as tfc.Scalar,
      vars,
    );
    const dx = tfc.grad((xx: tfc.Tensor) => tfc.sum(tfc.mul(layer.apply(xx) as tfc.Tensor, r)))(x);
    const want = stockGrads(x, wVar, bias ? (bVar as tfc.Tensor1D) : null, r, strides, pad);
    const want0 = tfc.tidy(() => tfc.sum(tfc.mul(y, r)).dataSync());
    expect(maxRel(value.dataSync(), want0)).toBeLessThan(1e-6);
    expect(maxRel(dx.dataSync(), (want[0] as tfc.Tensor).dataSync())).toBeLessThan(1e-6);
    expect(maxRel(grads[vars[0]!.name]!.dataSync(), (want[1] as tfc.Tensor).dataSync())).toBeLessThan(1e-6);
    if (bias)
      expect(maxRel(grads[vars[1]!.name]!.dataSync(), (want[2] as tfc.Tensor).dataSync())).toBeLessThan(1e-6);
    // Only what this test kept: value, the gradients and the reference ones.
    tfc.dispose([value, dx, ...Object.values(grads), ...want]);
    expect(tfc.memory().numTensors).toBe(before);
    tfc.dispose([x, y, r, wVar, ...(bVar ? [bVar] : [])]);
  });

  it('runs one FusedConv2D kernel and no Relu / Add under a gradient; tfjs-layers’ chain otherwise', async () => {
    const layer = new CamkitConv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' });
    const x = tfc.ones([1, 6, 6, 2]);
    layer.apply(x);
    const vars = layer.trainableWeights.map((v) => v.read() as tfc.Variable);
    const kernels = async (f: () => tfc.TensorContainer) => (await tfc.profile(() => f())).kernelNames;
    const trained = await kernels(() => {
      const { value, grads } = tfc.variableGrads(
        () => tfc.sum(layer.apply(x) as tfc.Tensor) as tfc.Scalar,
        vars,
      );
      tfc.dispose([value, ...Object.values(grads)]);
      return [];
    });
    expect(trained).toContain('FusedConv2D');
    expect(trained).not.toContain('Relu');
    expect(trained).not.toContain('Add');
    expect(trained).toContain('Conv2DBackpropFilter');
    // Inference is tfjs-layers' own call (fused.conv2d, which fuses outside a gradient anyway).
    const inferred = await kernels(() => layer.apply(x) as tfc.Tensor);
    expect(inferred).toContain('FusedConv2D');
    // A swapped-in activation (guided backprop's ReLU) is not 'relu': the stock chain runs it.
    const linear = new CamkitConv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'linear' });
    linear.apply(x);
    const lv = linear.trainableWeights.map((v) => v.read() as tfc.Variable);
    const stock = await kernels(() => {
      const { value, grads } = tfc.variableGrads(
        () => tfc.sum(linear.apply(x) as tfc.Tensor) as tfc.Scalar,
        lv,
      );
      tfc.dispose([value, ...Object.values(grads)]);
      return [];
    });
    expect(stock).not.toContain('Relu');
    tfc.dispose(x);
  });

  it('serialises as tfjs-layers’ Conv2D, and a loaded Conv2D is a CamkitConv2D', async () => {
    const m = tfl.sequential({
      layers: [tfl.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, activation: 'relu' })],
    });
    const json = m.toJSON(null, false) as { config: { layers: { class_name: string }[] } };
    expect(json.config.layers[0]?.class_name).toBe('Conv2D');
    // Deserialisation resolves the class through the registry, which camkit's replaced (the
    // training workers load their replica this way).
    const loaded = await tfl.models.modelFromJSON({ modelTopology: json as never });
    expect(loaded.layers[0]).toBeInstanceOf(CamkitConv2D);
    m.dispose();
    loaded.dispose();
  });
});
