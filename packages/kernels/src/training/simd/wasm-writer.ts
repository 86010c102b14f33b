/**
 * A tiny WebAssembly binary writer: just enough of the format to emit camkit's generated SIMD
 * kernels (one imported memory, i32/v128 locals, structured control flow, i32 arithmetic and the
 * handful of SIMD loads, stores and f32x4 ops the kernels use). Writing the bytes directly keeps
 * the package free of a wasm toolchain and of build steps: a module is a few hundred bytes made at
 * first use. Encodings follow the WebAssembly core spec (binary format) and the SIMD proposal.
 */

export const I32 = 0x7f;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof V128;

/**
 * What a generated module may use: a shared memory import (the host memory is shared, as in a
 * threaded build) and relaxed SIMD's fused multiply-add (`f32x4.relaxed_madd`, where the runtime
 * validates it: Chrome ≥ 114, Node ≥ 22, or Node 20 with `--experimental-wasm-relaxed-simd`).
 */
export interface WasmTarget {
  shared: boolean;
  relaxedSimd: boolean;
}

/** `N` elements of `T` as a tuple, so a fixed number of locals destructures without casts. */
export type Tuple<T, N extends number, R extends T[] = []> = R['length'] extends N
  ? R
  : Tuple<T, N, [...R, T]>;

function uleb(out: number[], value: number): void {
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

function sleb(out: number[], value: number): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

function name(out: number[], text: string): void {
  const bytes = new TextEncoder().encode(text);
  uleb(out, bytes.length);
  out.push(...bytes);
}

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  out.push(...body);
}

/** A local variable (parameter or declared local) of the function being written. */
export interface Local {
  readonly index: number;
  readonly type: ValType;
}

/** Writes one function body; instructions are chained methods named after their wasm mnemonics. */
export class FunctionWriter {
  readonly params: Local[] = [];
  private readonly declared: Local[] = [];
  private readonly code: number[] = [];
  private depth = 0;

  constructor(
    paramTypes: readonly ValType[],
    /** Whether {@link f32x4MulAdd} may emit `f32x4.relaxed_madd`. */
    readonly relaxedSimd = false,
  ) {
    paramTypes.forEach((type, index) => {
      this.params.push({ index, type });
    });
  }

  /** A function of `count` i32 parameters (every generated kernel's addresses and sizes), and them. */
  static ofI32Params<N extends number>(
    count: N,
    target: Pick<WasmTarget, 'relaxedSimd'> = { relaxedSimd: false },
  ): [FunctionWriter, Tuple<Local, N>] {
    const f = new FunctionWriter(Array<ValType>(count).fill(I32), target.relaxedSimd);
    return [f, [...f.params] as Tuple<Local, N>];
  }

  local(type: ValType): Local {
    const l = { index: this.params.length + this.declared.length, type };
    this.declared.push(l);
    return l;
  }

  /** `count` new locals of one type, declared in order. */
  locals<N extends number>(type: ValType, count: N): Tuple<Local, N> {
    return Array.from({ length: count }, () => this.local(type)) as Tuple<Local, N>;
  }

  get(l: Local): this {
    this.code.push(0x20);
    uleb(this.code, l.index);
    return this;
  }

  set(l: Local): this {
    this.code.push(0x21);
    uleb(this.code, l.index);
    return this;
  }

  tee(l: Local): this {
    this.code.push(0x22);
    uleb(this.code, l.index);
    return this;
  }

  /** Pushes a local's value or an i32 constant. */
  val(x: Local | number): this {
    return typeof x === 'number' ? this.i32(x) : this.get(x);
  }

  i32(value: number): this {
    this.code.push(0x41);
    sleb(this.code, value);
    return this;
  }

  private op(byte: number): this {
    this.code.push(byte);
    return this;
  }

  add(): this {
    return this.op(0x6a);
  }
  sub(): this {
    return this.op(0x6b);
  }
  mul(): this {
    return this.op(0x6c);
  }
  ltU(): this {
    return this.op(0x49);
  }
  geU(): this {
    return this.op(0x4f);
  }
  divU(): this {
    return this.op(0x6e);
  }
  remU(): this {
    return this.op(0x70);
  }
  /** `select`: [a, b, cond] → cond ? a : b. */
  select(): this {
    return this.op(0x1b);
  }

  /** `loop … end` whose label (depth 0 inside `body`) jumps back to the start. */
  loop(body: () => void): this {
    this.code.push(0x03, 0x40);
    this.depth++;
    body();
    this.depth--;
    return this.op(0x0b);
  }

  /** `if … else … end` on the i32 on the stack. */
  ifElse(then: () => void, otherwise?: () => void): this {
    this.code.push(0x04, 0x40);
    this.depth++;
    then();
    if (otherwise) {
      this.code.push(0x05);
      otherwise();
    }
    this.depth--;
    return this.op(0x0b);
  }

  /**
   * `for (i = from; i < to; i += step) body()` (unsigned compare): the test is hoisted to the end of
   * the loop as wasm loops want it, and a guard skips the body when the range is empty.
   */
  forRange(i: Local, from: Local | number, to: Local | number, step: Local | number, body: () => void): this {
    this.val(from).set(i);
    this.get(i)
      .val(to)
      .ltU()
      .ifElse(() => this.doWhile(i, to, step, body));
    return this;
  }

  /**
   * `for (i = from; i < to; i += step) body()` for a range known to be non-empty: {@link doWhile}
   * after setting `i` (no guard).
   */
  countUp(i: Local, from: Local | number, to: Local | number, step: Local | number, body: () => void): this {
    this.val(from).set(i);
    return this.doWhile(i, to, step, body);
  }

  /**
   * `do { body(); i += step } while (i < to)`: {@link forRange} without the guard, for ranges
   * known to be non-empty (the caller set `i`).
   */
  doWhile(i: Local, to: Local | number, step: Local | number, body: () => void): this {
    return this.loop(() => {
      body();
      this.get(i).val(step).add().tee(i).val(to).ltU().continueIf();
    });
  }

  /**
   * `for (i = 0; i < to; i += block) { end = min(i + block, to); body() }` (guarded like
   * {@link forRange}): the blocks a reduction is cut into so its operands stay in cache.
   */
  forBlocks(i: Local, end: Local, to: Local, block: Local, body: () => void): this {
    return this.forRange(i, 0, to, block, () => {
      this.get(i).get(block).add().set(end);
      this.minU(end, to).set(end);
      body();
    });
  }

  /**
   * `for (i = 0; i < end; i += w) tile(w)` where w is the widest of `widths` (descending; the
   * narrowest must divide what remains) that still fits: wide register tiles while they last, then
   * the narrower tail.
   */
  forTiles(i: Local, end: Local | number, widths: readonly number[], tile: (width: number) => void): this {
    const step = (k: number) => {
      const width = widths[k] as number;
      tile(width);
      this.get(i).i32(width).add().set(i);
    };
    const widest = (k: number): void => {
      if (k === widths.length - 1) {
        step(k);
        return;
      }
      this.val(end)
        .get(i)
        .sub()
        .i32(widths[k] as number)
        .geU()
        .ifElse(
          () => step(k),
          () => widest(k + 1),
        );
    };
    this.i32(0).set(i);
    return this.loop(() => {
      widest(0);
      this.get(i).val(end).ltU().continueIf();
    });
  }

  /**
   * For each row y in [from, to) (non-empty): `row()` leaves the row's first address (and sets any
   * pointers that move with it), then `do { pixel(); p += step } while (p < start + span)` walks
   * the row's pixels with p (span > 0).
   */
  forRowSpans(
    l: { y: Local; from: Local; to: Local; p: Local; pEnd: Local; span: Local; step: Local },
    row: () => void,
    pixel: () => void,
  ): this {
    return this.countUp(l.y, l.from, l.to, 1, () => {
      row();
      this.tee(l.p).get(l.span).add().set(l.pEnd);
      this.doWhile(l.p, l.pEnd, l.step, pixel);
    });
  }

  /** Leaves min(a, b) (unsigned). */
  minU(a: Local | number, b: Local | number): this {
    return this.val(a).val(b).val(a).val(b).ltU().select();
  }

  /** Leaves max(a, b) (unsigned). */
  maxU(a: Local | number, b: Local | number): this {
    return this.val(a).val(b).val(b).val(a).ltU().select();
  }

  /** `br_if 0`: inside {@link loop}, continue the loop when the i32 on the stack is non-zero. */
  continueIf(): this {
    this.code.push(0x0d, 0x00);
    return this;
  }

  private simd(opcode: number): this {
    this.code.push(0xfd);
    uleb(this.code, opcode);
    return this;
  }

  private memarg(alignLog2: number, offset: number): this {
    uleb(this.code, alignLog2);
    uleb(this.code, offset);
    return this;
  }

  /** `i32.load` at [address on stack] + offset. */
  i32Load(offset = 0): this {
    this.code.push(0x28);
    return this.memarg(2, offset);
  }
  /** `v128.load` at [address on stack] + offset. */
  v128Load(offset = 0): this {
    return this.simd(0x00).memarg(2, offset);
  }
  /** `v128.load32_splat`: one f32 broadcast to four lanes. */
  v128Load32Splat(offset = 0): this {
    return this.simd(0x09).memarg(2, offset);
  }
  /** `v128.load64_zero`: two f32 (8 bytes) into lanes 0, 1; lanes 2, 3 zero. */
  v128Load64Zero(offset = 0): this {
    return this.simd(0x5d).memarg(3, offset);
  }
  /** `v128.store64_lane` 0 of [address, value]: the low 8 bytes (lanes 0, 1 of an f32x4). */
  v128Store64Low(offset = 0): this {
    this.simd(0x5b).memarg(3, offset);
    this.code.push(0);
    return this;
  }
  /** `f32.load` at [address on stack] + offset. */
  f32Load(offset = 0): this {
    this.code.push(0x2a);
    return this.memarg(2, offset);
  }
  /** `f32.store` of [address, value] at address + offset. */
  f32Store(offset = 0): this {
    this.code.push(0x38);
    return this.memarg(2, offset);
  }
  f32Add(): this {
    return this.op(0x92);
  }
  /** `v128.store` of [address, value]. */
  v128Store(offset = 0): this {
    return this.simd(0x0b).memarg(2, offset);
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Sub(): this {
    return this.simd(0xe5);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  /**
   * Pushes a·b + c (f32x4), each operand pushed by its callback: one `f32x4.relaxed_madd` (a fused
   * multiply-add where the CPU has FMA; the rounding then differs from mul + add by ≤ 1 ulp of the
   * product) when the function targets relaxed SIMD, else `f32x4.mul` then `f32x4.add`.
   */
  f32x4MulAdd(a: () => void, b: () => void, c: () => void): this {
    if (this.relaxedSimd) {
      a();
      b();
      c();
      return this.simd(0x105);
    }
    c();
    a();
    b();
    return this.f32x4Mul().f32x4Add();
  }
  /** `f64x2.promote_low_f32x4`: lanes 0, 1 of an f32x4 as two f64. */
  f64x2PromoteLow(): this {
    return this.simd(0x5f);
  }
  /** `f32x4.demote_f64x2_zero`: two f64 rounded to f32 in lanes 0, 1; lanes 2, 3 zero. */
  f32x4DemoteF64x2Zero(): this {
    return this.simd(0x5e);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Div(): this {
    return this.simd(0xf3);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }
  /** `i8x16.shuffle` of the two v128 on the stack by 16 byte-lane indices (0–31). */
  shuffle(lanes: readonly number[]): this {
    this.simd(0x0d);
    this.code.push(...lanes);
    return this;
  }
  f32x4Max(): this {
    return this.simd(0xe9);
  }
  /** `f32x4.gt`: each lane all ones where a > b (false for NaN), else zero. */
  f32x4Gt(): this {
    return this.simd(0x44);
  }
  /** `v128.bitselect` of [a, b, mask]: a's bits where mask is set, b's elsewhere. */
  v128Bitselect(): this {
    return this.simd(0x52);
  }
  /** `i32x4.splat`: the i32 on the stack in four lanes. */
  i32x4Splat(): this {
    return this.simd(0x11);
  }
  /** `i32x4.extract_lane`: lane `lane` (0–3) of the v128 on the stack as an i32. */
  i32x4ExtractLane(lane: number): this {
    this.simd(0x1b);
    this.code.push(lane);
    return this;
  }
  /** `v128.const` 0. */
  v128Zero(): this {
    return this.f32x4Const(0);
  }
  /** `v128.const` of four lanes equal to `value` (as float32). */
  f32x4Const(value: number): this {
    this.simd(0x0c);
    const lane = new Uint8Array(new Float32Array([value]).buffer);
    for (let i = 0; i < 4; i++) this.code.push(...lane);
    return this;
  }

  /** `v128.const` of two lanes equal to `value` (as float64). */
  f64x2Const(value: number): this {
    this.simd(0x0c);
    const lane = new Uint8Array(new Float64Array([value]).buffer);
    for (let i = 0; i < 2; i++) this.code.push(...lane);
    return this;
  }

  /** The function's code entry (locals + body + end). */
  encode(): number[] {
    if (this.depth !== 0) throw new Error('wasm-writer: unbalanced blocks');
    const body: number[] = [];
    uleb(body, this.declared.length);
    for (const l of this.declared) {
      uleb(body, 1);
      body.push(l.type);
    }
    body.push(...this.code, 0x0b);
    const entry: number[] = [];
    uleb(entry, body.length);
    entry.push(...body);
    return entry;
  }
}

/**
 * A module importing `env.memory` (shared when the host memory is, as in a threaded build) and
 * exporting each function (no results) under its name.
 */
export function writeModule(
  functions: readonly { name: string; fn: FunctionWriter }[],
  memory: Pick<WasmTarget, 'shared'>,
): Uint8Array<ArrayBuffer> {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(types, functions.length);
  for (const { fn } of functions) {
    types.push(0x60);
    uleb(types, fn.params.length);
    for (const p of fn.params) types.push(p.type);
    types.push(0x00);
  }
  section(out, 1, types);

  const imports: number[] = [];
  uleb(imports, 1);
  name(imports, 'env');
  name(imports, 'memory');
  imports.push(0x02);
  if (memory.shared) {
    imports.push(0x03);
    uleb(imports, 1);
    uleb(imports, 65536);
  } else {
    imports.push(0x00);
    uleb(imports, 1);
  }
  section(out, 2, imports);

  const funcs: number[] = [];
  uleb(funcs, functions.length);
  functions.forEach((_, i) => {
    uleb(funcs, i);
  });
  section(out, 3, funcs);

  const exports: number[] = [];
  uleb(exports, functions.length);
  functions.forEach(({ name: exportName }, i) => {
    name(exports, exportName);
    exports.push(0x00);
    uleb(exports, i);
  });
  section(out, 7, exports);

  const code: number[] = [];
  uleb(code, functions.length);
  for (const { fn } of functions) code.push(...fn.encode());
  section(out, 10, code);
  return new Uint8Array(out);
}
