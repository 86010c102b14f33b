import { FlatProgram, WG } from '../../../webgpu/flat-program.js';

/**
 * One thread per (n, k) over [N, hw, K] inputs, writing [N, K]: the dispatch both weight programs
 * share. Uniforms: hw, numChannels.
 */
abstract class PerChannelProgram extends FlatProgram {
  uniforms = 'hw : i32, numChannels : i32,';

  constructor(n: number, k: number) {
    super([n, k]);
  }

  /** WGSL run per (n, k) (n, k and p's offset AT in scope); it sets result[index]. */
  protected abstract body(): string;

  getUserCode(): string {
    return `
    fn main(index : i32) {
      if (index < uniforms.size) {
        let n = index / uniforms.numChannels;
        let k = index - n * uniforms.numChannels;${this.body()}
      }
    }`;
  }
}

/** Offset of element (n, p, k) of an [N, hw, K] input. */
const AT = '(n * uniforms.hw + p) * uniforms.numChannels + k';

/**
 * Grad-CAM weights, one thread per (n, k): alpha = mean_p grads[n, p, k]. Neighbouring threads
 * read neighbouring k, so every load of the p loop is coalesced. Uniforms: hw, numChannels.
 */
export class GradcamWeightsProgram extends PerChannelProgram {
  variableNames = ['grads'];
  shaderKey = `camkitGradcamWeights_${WG}`;

  protected body(): string {
    return `
        var acc = 0.0;
        for (var p = 0; p < uniforms.hw; p++) {
          acc = acc + grads[${AT}];
        }
        result[index] = acc / f32(uniforms.hw);`;
  }
}

/**
 * Grad-CAM++ weights (pytorch-grad-cam), one thread per (n, k): S = sum_p A, then
 * w = sum_p relu(g) g^2 / (2 g^2 + S g^3 + 1e-6). Uniforms: hw, numChannels.
 */
export class GradcamPlusPlusWeightsProgram extends PerChannelProgram {
  variableNames = ['grads', 'activations'];
  shaderKey = `camkitGradcamPlusPlusWeights_${WG}`;

  protected body(): string {
    return `
        var s = 0.0;
        for (var p = 0; p < uniforms.hw; p++) {
          s = s + activations[${AT}];
        }
        var acc = 0.0;
        for (var p = 0; p < uniforms.hw; p++) {
          let g = grads[${AT}];
          if (g > 0.0) {
            let g2 = g * g;
            acc = acc + g * g2 / (2.0 * g2 + s * g2 * g + 1e-6);
          }
        }
        result[index] = acc;`;
  }
}
