import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import h5wasm from 'h5wasm/node';
import { CliError } from '../errors.js';

/** Keras layer classes camkit's models use; anything else is refused with the list. */
export const SUPPORTED_KERAS_LAYERS = [
  'InputLayer',
  'Conv2D',
  'Dense',
  'MaxPooling2D',
  'AveragePooling2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'Flatten',
  'Dropout',
  'BatchNormalization',
  'ReLU',
  'Activation',
] as const;

type H5Group = InstanceType<typeof h5wasm.Group>;
type H5Dataset = InstanceType<typeof h5wasm.Dataset>;

function attrString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (Array.isArray(v) && v.length === 1) return attrString(v[0]);
  return String(v);
}

function attrStrings(v: unknown): string[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v.map(attrString);
  if (typeof v === 'string') return v ? [v] : [];
  // h5py writes an empty name list as a zero-length float array.
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>, attrString);
  return [attrString(v)];
}

/** HDF5's superblock signature sits at offset 0, 512, 1024, 2048... (checked here up to 8 KiB). */
function hasHdf5Signature(path: string): boolean {
  const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  const buf = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  try {
    for (const at of [0, 512, 1024, 2048, 4096, 8192]) {
      if (readSync(fd, buf, 0, 8, at) === 8 && sig.every((b, i) => buf[i] === b)) return true;
    }
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * Converts a Keras 2 HDF5 model (`model_config` attribute + `model_weights/<layer>/...` datasets,
 * as `model.save('x.h5')` writes it) into a tfjs LayersModel. Sequential and Functional configs are
 * accepted; layer classes outside {@link SUPPORTED_KERAS_LAYERS} are a CliError listing them.
 */
export async function importKeras(h5Path: string): Promise<tfl.LayersModel> {
  if (!existsSync(h5Path)) throw new CliError(`import-keras: ${h5Path}: file not found`);
  if (!hasHdf5Signature(h5Path)) {
    throw new CliError(
      `import-keras: ${h5Path}: not an HDF5 file (no HDF5 signature; Keras 3 .keras zips are not supported)`,
    );
  }
  await h5wasm.ready;
  let file: InstanceType<typeof h5wasm.File>;
  try {
    file = new h5wasm.File(h5Path, 'r');
  } catch (err) {
    throw new CliError(
      `import-keras: ${h5Path}: not an HDF5 file (${(err as Error).message.split('\n')[0]})`,
    );
  }
  try {
    const cfgAttr = file.attrs.model_config;
    if (!cfgAttr) {
      throw new CliError(
        `import-keras: ${h5Path}: no model_config attribute (a weights-only file? save the whole model with model.save('x.h5'))`,
      );
    }
    let topology: any;
    try {
      topology = JSON.parse(attrString(cfgAttr.value));
    } catch {
      throw new CliError(`import-keras: ${h5Path}: model_config is not JSON`);
    }
    const layers: any[] =
      topology?.config?.layers ?? (Array.isArray(topology?.config) ? topology.config : []);
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new CliError(`import-keras: ${h5Path}: model_config lists no layers`);
    }
    const unsupported = [...new Set(layers.map((l) => String(l.class_name)))].filter(
      (c) => !(SUPPORTED_KERAS_LAYERS as readonly string[]).includes(c),
    );
    if (unsupported.length) {
      throw new CliError(
        `import-keras: ${h5Path}: unsupported layer type(s) ${unsupported.join(', ')} (supported: ${SUPPORTED_KERAS_LAYERS.join(', ')})`,
      );
    }
    const root = (file.get('model_weights') as H5Group | null) ?? (file as unknown as H5Group);
    const layerNames = attrStrings(root.attrs.layer_names?.value);
    const specs: tf.io.WeightsManifestEntry[] = [];
    const chunks: Float32Array[] = [];
    let offset = 0;
    for (const layer of layerNames) {
      const g = root.get(layer) as H5Group | null;
      if (!g) throw new CliError(`import-keras: ${h5Path}: weights group model_weights/${layer} missing`);
      for (const wn of attrStrings(g.attrs.weight_names?.value)) {
        const ds = g.get(wn) as H5Dataset | null;
        if (!ds) throw new CliError(`import-keras: ${h5Path}: dataset ${layer}/${wn} missing`);
        const data = Float32Array.from(ds.value as ArrayLike<number>);
        // tfjs names weights like Keras without the ':0' suffix ('conv1/kernel').
        specs.push({ name: wn.replace(/:\d+$/, ''), shape: (ds.shape ?? []) as number[], dtype: 'float32' });
        chunks.push(data);
        offset += data.byteLength;
      }
    }
    const weightData = new Uint8Array(offset);
    let at = 0;
    for (const c of chunks) {
      weightData.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
      at += c.byteLength;
    }
    try {
      return await tfl.loadLayersModel({
        load: async () => ({
          modelTopology: topology,
          weightSpecs: specs,
          weightData: weightData.buffer,
          format: 'layers-model',
        }),
      });
    } catch (err) {
      throw new CliError(
        `import-keras: ${h5Path}: cannot build the model (${(err as Error).message.split('\n')[0]})`,
      );
    }
  } finally {
    file.close();
  }
}
