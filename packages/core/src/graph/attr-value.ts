// A GraphDef node's `attr` as tensorflowjs_converter writes it: TF AttrValue protos in their JSON
// form (int64 as decimal strings, strings base64, lists under `list`).

/** One TF AttrValue in JSON form. */
export interface AttrValue {
  s?: string;
  i?: string | number;
  f?: number | string;
  b?: boolean;
  type?: string;
  shape?: { dim?: { size?: string | number }[]; unknownRank?: boolean };
  list?: { s?: string[]; i?: (string | number)[]; f?: (number | string)[]; b?: boolean[]; type?: string[] };
  [key: string]: unknown;
}

function decodeBase64(s: string): string {
  // atob exists in browsers and Node ≥ 16; its output is Latin-1, which TF op attrs are.
  return atob(s);
}

/** Typed, defaulted reads of a node's attrs. Missing attrs give the default. */
export class Attrs {
  constructor(private readonly attr: Record<string, AttrValue> = {}) {}

  has(name: string): boolean {
    return this.attr[name] !== undefined;
  }

  str(name: string, fallback = ''): string {
    const v = this.attr[name]?.s;
    return v === undefined ? fallback : decodeBase64(v);
  }

  strs(name: string): string[] {
    return (this.attr[name]?.list?.s ?? []).map(decodeBase64);
  }

  int(name: string, fallback = 0): number {
    const v = this.attr[name]?.i;
    return v === undefined ? fallback : Number(v);
  }

  ints(name: string): number[] {
    return (this.attr[name]?.list?.i ?? []).map(Number);
  }

  float(name: string, fallback = 0): number {
    const v = this.attr[name]?.f;
    return v === undefined ? fallback : Number(v);
  }

  bool(name: string, fallback = false): boolean {
    const v = this.attr[name]?.b;
    return v === undefined ? fallback : v;
  }

  /** A `DT_*` type attr as a tfjs dtype name ('float32', 'int32', 'bool'); null when absent or other. */
  dtype(name: string): 'float32' | 'int32' | 'bool' | null {
    const t = this.attr[name]?.type;
    if (t === 'DT_FLOAT' || t === 'DT_HALF' || t === 'DT_DOUBLE') return 'float32';
    if (t === 'DT_INT32' || t === 'DT_INT64' || t === 'DT_INT16' || t === 'DT_INT8' || t === 'DT_UINT8')
      return 'int32';
    if (t === 'DT_BOOL') return 'bool';
    return null;
  }

  /** A `shape` attr as sizes (-1 = free) or null when unknown. */
  shape(name: string): number[] | null {
    const s = this.attr[name]?.shape;
    if (!s || s.unknownRank) return null;
    return (s.dim ?? []).map((d) => Number(d.size ?? -1));
  }
}
