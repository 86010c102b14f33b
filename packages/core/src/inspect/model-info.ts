/** A target layer/node camkit can explain: a 4-D output `[N, h, w, K]` on the way to the score. */
export interface TargetCandidate {
  /** Layer name (Layers models) or node name as in model.json (graph models). */
  name: string;
  /** Output shape, batch first (`null` = free). */
  shape: (number | null)[];
  /** Trainable + non-trainable parameters of the layer, or of the Const inputs of the node. */
  params: number;
  /** Layer class name (e.g. 'Conv2D') or graph op (e.g. '_FusedConv2D'). */
  op: string;
}

/**
 * What camkit sees in a model (`inspectModel`): what it takes, what it scores, which layers/nodes
 * a CAM can target and which it picks by default.
 */
export interface ModelInfo {
  format: 'layers-model' | 'graph-model';
  name: string;
  /** The image input; `channels` is the last input dim (null when free). */
  input: { name: string; shape: (number | null)[]; dtype: string; channels: number | null };
  /** Classes `explain` scores (2 for a single-sigmoid binary classifier). */
  numClasses: number;
  /**
   * The score camkit differentiates: `node` is the layer/node whose output is the score,
   * `activation` the final activation camkit strips (`preActivation` true when it does),
   * `binary` for one sigmoid output (class 1 = the logit, class 0 = minus the logit).
   */
  score: {
    node: string;
    activation: 'softmax' | 'sigmoid' | 'none';
    preActivation: boolean;
    binary: boolean;
  };
  /** Head type; `camApplies` says whether method 'cam' works at the default target. */
  head: { kind: 'gap-dense' | 'class-conv-gap' | 'other'; camApplies: boolean; reason?: string };
  /** Candidate target layers/nodes in execution order. */
  candidates: TargetCandidate[];
  defaultTarget: string | null;
  /** The input size [H, W] the shapes above were computed at (free dims filled in). */
  shapesAt?: [number, number];
}
