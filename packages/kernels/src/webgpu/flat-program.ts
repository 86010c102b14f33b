import { type WebGPUProgram, webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

/** Threads per workgroup of every {@link FlatProgram} (part of each shader key). */
export const WG = 64;

/**
 * The base of camkit's one-thread-per-output-element WebGPU programs: a flat dispatch over
 * `outputShape` in workgroups of {@link WG}, bounds-checked by the `size` uniform. Subclasses give
 * the inputs, the shader key, their own uniforms and the WGSL.
 */
export abstract class FlatProgram implements WebGPUProgram {
  abstract variableNames: string[];
  abstract shaderKey: string;
  abstract uniforms: string;
  outputShape: number[];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WG, 1, 1];
  size = true;

  constructor(outputShape: number[]) {
    this.outputShape = outputShape;
    this.dispatchLayout = webgpu_util.flatDispatchLayout(this.outputShape);
    this.dispatch = webgpu_util.computeDispatch(this.dispatchLayout, this.outputShape, this.workgroupSize);
  }

  abstract getUserCode(): string;
}
