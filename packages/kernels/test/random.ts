/** Standard normal draws (Box-Muller) from Math.random: fresh inputs on every run. */
export function randn(size: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const u = 1 - Math.random();
    const v = Math.random();
    out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}
