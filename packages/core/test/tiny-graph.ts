// A hand-built graph-model model.json (what tensorflowjs_converter writes for a small Keras
// GAP classifier) from a Layers gapNet's own weights: the same network in both formats.
import type * as tfl from '@tensorflow/tfjs-layers';

type Attr = Record<string, unknown>;
interface Node {
  name: string;
  op: string;
  input?: string[];
  attr?: Attr;
}
interface Spec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  quantization?: { dtype: 'uint8' | 'uint16'; min: number; scale: number; original_dtype: 'float32' };
}

const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');
const ints = (v: number[]) => ({ list: { i: v.map(String) } });

/** Options of {@link graphFromGapNet}. */
export interface TinyGraphOptions {
  /** Fused activation of the convs (default 'Relu'; 'Tanh'/'Elu' give a smooth graph for finite differences). */
  activation?: string;
  /** Quantize every float weight to this dtype (affine min/scale, as the converter does). */
  quantize?: 'uint8' | 'uint16';
}

/**
 * `Placeholder → (_FusedConv2D BiasAdd+act)×n → Mean[1,2] → MatMul → BiasAdd → Softmax → Identity`
 * with the weights of a `gapNet` (conv 3×3 SAME). Returns model.json and the weight bytes.
 */
export function graphFromGapNet(model: tfl.LayersModel, opts: TinyGraphOptions = {}) {
  const act = opts.activation ?? 'Relu';
  const nodes: Node[] = [];
  const specs: Spec[] = [];
  const chunks: Uint8Array[] = [];
  const inShape = model.inputs[0].shape.map((d) => (d == null ? -1 : d));
  nodes.push({
    name: 'input',
    op: 'Placeholder',
    attr: {
      dtype: { type: 'DT_FLOAT' },
      shape: { shape: { dim: inShape.map((d) => ({ size: String(d) })) } },
    },
  });
  const constant = (name: string, values: Float32Array | Int32Array, shape: number[]) => {
    const dtype = values instanceof Int32Array ? 'int32' : 'float32';
    nodes.push({ name, op: 'Const', attr: { dtype: { type: dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT' } } });
    if (dtype === 'float32' && opts.quantize) {
      const levels = opts.quantize === 'uint8' ? 255 : 65535;
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      const scale = max > min ? (max - min) / levels : 1;
      const q = opts.quantize === 'uint8' ? new Uint8Array(values.length) : new Uint16Array(values.length);
      values.forEach((v, i) => {
        q[i] = Math.round((v - min) / scale);
      });
      specs.push({
        name,
        shape,
        dtype,
        quantization: { dtype: opts.quantize, min, scale, original_dtype: 'float32' },
      });
      chunks.push(new Uint8Array(q.buffer));
    } else {
      specs.push({ name, shape, dtype });
      chunks.push(new Uint8Array(values.buffer.slice(0)));
    }
  };
  let x = 'input';
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const [kernel, bias] = layer.getWeights().map((w) => w.dataSync() as Float32Array);
    const shapes = layer.getWeights().map((w) => w.shape);
    if (cls === 'Conv2D') {
      constant(`${layer.name}/kernel`, kernel, shapes[0]);
      constant(`${layer.name}/bias`, bias, shapes[1]);
      const name = `model/${layer.name}/${act}`;
      nodes.push({
        name,
        op: '_FusedConv2D',
        input: [x, `${layer.name}/kernel`, `${layer.name}/bias`],
        attr: {
          T: { type: 'DT_FLOAT' },
          strides: ints([1, 1, 1, 1]),
          dilations: ints([1, 1, 1, 1]),
          padding: { s: b64('SAME') },
          data_format: { s: b64('NHWC') },
          fused_ops: { list: { s: [b64('BiasAdd'), b64(act)] } },
          num_args: { i: '1' },
          epsilon: { f: 0 },
        },
      });
      x = name;
    } else if (cls === 'GlobalAveragePooling2D') {
      constant('model/gap/Mean/reduction_indices', new Int32Array([1, 2]), [2]);
      nodes.push({
        name: 'model/gap/Mean',
        op: 'Mean',
        input: [x, 'model/gap/Mean/reduction_indices'],
        attr: { keep_dims: { b: false } },
      });
      x = 'model/gap/Mean';
    } else if (cls === 'Dense') {
      constant(`${layer.name}/kernel`, kernel, shapes[0]);
      constant(`${layer.name}/bias`, bias, shapes[1]);
      nodes.push({
        name: `model/${layer.name}/MatMul`,
        op: 'MatMul',
        input: [x, `${layer.name}/kernel`],
        attr: { transpose_a: { b: false }, transpose_b: { b: false } },
      });
      nodes.push({
        name: `model/${layer.name}/BiasAdd`,
        op: 'BiasAdd',
        input: [`model/${layer.name}/MatMul`, `${layer.name}/bias`],
        attr: { data_format: { s: b64('NHWC') } },
      });
      nodes.push({
        name: `model/${layer.name}/Softmax`,
        op: 'Softmax',
        input: [`model/${layer.name}/BiasAdd`],
      });
      x = `model/${layer.name}/Softmax`;
    }
  }
  nodes.push({ name: 'Identity', op: 'Identity', input: [x] });
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const weights = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    weights.set(c, at);
    at += c.byteLength;
  }
  const json = {
    format: 'graph-model',
    generatedBy: 'camkit test',
    convertedBy: 'camkit test/tiny-graph.ts',
    modelTopology: { node: nodes, versions: { producer: 1 } },
    weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
  };
  return { json, weights };
}
