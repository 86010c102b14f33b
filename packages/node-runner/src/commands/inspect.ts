import type { ModelInfo, Preprocess } from '@camkit/core';
import { Command } from 'commander';
import type { Log } from '../log.js';
import { inspectModelOption, loadModelOption } from '../model/load-model-option.js';
import { readModelMeta } from '../model/read-model-meta.js';
import { formatTable } from '../text/format-table.js';
import { startBackend } from '../backend/start-backend.js';
import { addBackendOption } from '../options/backend-option.js';

/** The preprocessing `camkit explain` will apply to this model, and where that choice comes from. */
export interface AssumedPreprocess {
  mode: Preprocess;
  /** `camkit.json` beside the model, or camkit's default (pixels / 255). */
  source: 'camkit.json' | 'default';
  file: string | null;
  classNames: string[] | null;
}

/** What `camkit inspect --json` prints: core's ModelInfo plus the preprocessing camkit assumes. */
export type InspectReport = ModelInfo & { path: string; preprocess: AssumedPreprocess };

const PREPROCESS_TEXT: Record<AssumedPreprocess['mode'], string> = {
  unit: 'pixels / 255',
  signed: '2 · pixels / 255 − 1, in [-1, 1]',
  imagenet: 'pixels / 255, then ImageNet mean/std per channel',
};

const shapeText = (shape: (number | null)[]): string => `[${shape.map((d) => d ?? 'null').join(', ')}]`;

/** The human-readable form of an {@link InspectReport}. */
export function formatInspect(r: InspectReport): string {
  const s = r.score;
  const scoreKind =
    s.activation === 'none'
      ? 'the raw output (no final softmax/sigmoid found)'
      : `${s.preActivation ? 'pre' : 'post'}-${s.activation}`;
  const lines = [
    `model       ${r.path} (${r.format}${r.name ? `, ${r.name}` : ''})`,
    `input       ${r.input.name} ${shapeText(r.input.shape)} ${r.input.dtype}, ${r.input.channels ?? '?'} channel(s)${r.input.channels === 1 ? ' (grayscale input)' : ''}`,
    `classes     ${r.numClasses}${s.binary ? ' (one sigmoid output: class 1 scores the logit, class 0 minus it)' : ''}${r.preprocess.classNames ? `: ${r.preprocess.classNames.join(', ')}` : ''}`,
    `score       ${s.node} (${scoreKind})`,
    `head        ${r.head.kind}: cam ${r.head.camApplies ? 'applies' : `does not apply${r.head.reason ? ` (${r.head.reason})` : ''}; use gradcam`}`,
    `preprocess  ${r.preprocess.mode} (${PREPROCESS_TEXT[r.preprocess.mode]}; ${r.preprocess.source === 'camkit.json' ? `from ${r.preprocess.file}` : 'default: no camkit.json beside the model'})`,
    `default     --layer ${r.defaultTarget ?? '(none: no 4-D feature map with spatial size > 1 before the head)'}`,
    '',
    `candidate targets for --layer (${r.candidates.length}, input to output; * = default):`,
    formatTable(
      ['', 'name', 'output shape', 'params', 'op'],
      r.candidates.map((c) => [
        c.name === r.defaultTarget ? '*' : '',
        c.name,
        shapeText(c.shape),
        String(c.params),
        c.op,
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `camkit inspect MODEL [--json]`: what camkit sees in a model and what to target. */
export function inspectCommand(log: () => Log): Command {
  const cmd = new Command('inspect')
    .description(
      'show a model as camkit sees it: input, score node, head (does cam apply?), candidate target layers, default target, preprocessing',
    )
    .argument('<model.json>', 'a tfjs Layers or graph model (model.json or the folder holding it)')
    .option('--json', 'print the same information as JSON');
  addBackendOption(cmd);
  cmd.action(async (path: string, o: { json?: boolean; backend: never; threads?: number }) => {
    await startBackend(o.backend, log(), o.threads);
    const model = await loadModelOption(path, 'inspect');
    let info: ModelInfo;
    try {
      info = inspectModelOption(model, path, 'inspect');
    } finally {
      model.dispose();
    }
    const { file, meta } = readModelMeta(path);
    const report: InspectReport = {
      path,
      ...info,
      preprocess: {
        mode: meta.preprocess ?? 'unit',
        source: meta.preprocess ? 'camkit.json' : 'default',
        file: meta.preprocess ? file : null,
        classNames: meta.classNames ?? null,
      },
    };
    process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatInspect(report));
  });
  return cmd;
}
