import { optionalText, toFiniteNumber } from '../normalize';
import { isJsonObject } from '../read/json';
import { folderOf } from '../runIdentity';
import type { Trial } from '../types';
import { baseName, type ParseOutcome, type ResultFormat } from './format';
import { given, RecordCheck } from './kit/fields';
import { readJsonRoot, type JsonRoot } from './kit/jsonObjects';
import { FileReading } from './kit/reading';
import { jsonDetect } from './kit/jsonHead';

/** What a HELMET output's file name says: `..._in<L>_size<N>_shots<S>_samp<b>max<G>min<g>t<T>p<P>_chat<b>_<seed>.json`. */
export interface HelmetName {
  lengthTokens: number;
  shots: number;
  sampled: boolean;
  temperature: string;
  topP: string;
  chat: boolean;
  seed: number;
}

const NAME =
  /_in(\d+)_size\d+_shots(\d+)_samp(True|False)max\d+min\d+t([\d.]+)p([\d.]+)_chat(True|False)_(\d+)\.json(\.score)?$/;

/** Reads the settings HELMET writes into an output's file name, or null for another name. */
export function helmetName(path: string): HelmetName | null {
  const match = NAME.exec(baseName(path));
  if (!match) return null;
  const [, length, shots, sampled, temperature, topP, chat, seed] = match;
  return {
    lengthTokens: Number(length),
    shots: Number(shots),
    sampled: sampled === 'True',
    temperature: temperature ?? '',
    topP: topP ?? '',
    chat: chat === 'True',
    seed: Number(seed),
  };
}

/**
 * The settings that make a run, those that differ from HELMET's defaults (2 shots, greedy
 * decoding, no chat template): runs whose settings differ get different names, and a run at
 * the defaults is named by its model alone. Generation lengths (per dataset) and the seed
 * (a repeat) do not make a run.
 */
export function helmetSettings(name: HelmetName): string[] {
  const settings: string[] = [];
  if (name.shots !== 2) settings.push(`${name.shots} shots`);
  if (name.sampled) settings.push(`sampled t${name.temperature} p${name.topP}`);
  if (name.chat) settings.push('chat template');
  return settings;
}

/** RAG sets whose items carry a depth (HotpotQA's do not). */
const RAG_WITH_DEPTH = /^kilt_(nq|triviaqa|popqa)/;

/** Whether a dataset's items carry `depth`, a fraction of the context. */
function hasDepth(dataset: string): boolean {
  return dataset.startsWith('json_kv') || RAG_WITH_DEPTH.test(dataset);
}

/** The per-item score key of a dataset: RULER's recall, else substring exact match. */
export function helmetScoreKey(dataset: string): 'ruler_recall' | 'substring_exact_match' {
  return dataset.startsWith('ruler_') && !dataset.startsWith('ruler_qa')
    ? 'ruler_recall'
    : 'substring_exact_match';
}

/**
 * HELMET (princeton-nlp) outputs `output/<model>/<dataset>_..._in<L>_..._<seed>.json`:
 * `{args, data [..], metrics, averaged_metrics, ...}`, each `data` item one trial scored 0..1 by
 * `ruler_recall` (RULER sets) or `substring_exact_match` (JSON KV, RAG, RULER QA). The length is
 * `in<L>` of the file name, the task `args.datasets`, the depth (JSON KV, RAG) `depth` × 100, the
 * model the folder. The `<same>.json.score` beside it repeats `averaged_metrics` and is passed over.
 */
export const helmet: ResultFormat = {
  id: 'helmet',
  label: 'HELMET (JSON)',
  opens: 'json',

  detect: jsonDetect('{', (json, path) => {
    const named = helmetName(path) !== null;
    if (/\.json\.score$/.test(path)) return named ? 0.95 : 0;
    const args = /^\{\s*"args"\s*:\s*\{/.test(json.text);
    if (!args || !json.names('datasets')) return 0;
    return named ? 0.97 : 0.6;
  }),

  parse(source, sink) {
    // The sidecar holds only the averages of the `.json` beside it, read from its items.
    if (/\.json\.score$/.test(source.path)) {
      return Promise.resolve({ ok: true, records: 0, warnings: [] });
    }
    return readJsonRoot(source, sink, OUTPUT, parseOutput);
  },
};

/** The dataset of a file: `args.datasets`, or the one of its comma list the file name starts with. */
function datasetOf(args: Record<string, unknown>, path: string): string | undefined {
  const names = (optionalText(args.datasets) ?? '').split(',').map((name) => name.trim());
  const file = baseName(path);
  const own = names
    .filter((name) => name !== '' && file.startsWith(`${name}_`))
    .sort((a, b) => b.length - a.length);
  return names.length === 1 ? names[0] || undefined : own[0];
}

/** What a file must hold to be read as a HELMET output. */
const OUTPUT = { shape: { args: 'object', data: 'array' }, what: 'a HELMET output' } as const;

function parseOutput(root: JsonRoot<typeof OUTPUT.shape>, reading: FileReading): ParseOutcome {
  const task = datasetOf(root.args, reading.file);
  if (!task) return reading.fail(`args.datasets ${given(root.args.datasets)} names no dataset`);
  const name = helmetName(reading.file);
  const lengthTokens = name?.lengthTokens ?? toFiniteNumber(root.args.input_max_length);
  if (lengthTokens === null) {
    return reading.fail('no in<L> in the file name and no numeric args.input_max_length');
  }
  if (!name) reading.note('no in<L> in the file name: the length is args.input_max_length');
  const folder = folderOf(reading.file);
  const model = baseName(folder) || undefined;
  const settings = name ? helmetSettings(name) : [];
  const runModel = model && settings.length > 0 ? `${model} (${settings.join(', ')})` : model;
  const scoreKey = helmetScoreKey(task);
  const depthKnown = hasDepth(task);

  root.data.forEach((item: unknown, index) => {
    const check = new RecordCheck(reading, { index });
    if (!isJsonObject(item)) return check.skip('not-object', 'not a JSON object');
    const score = itemScore(item[scoreKey]);
    if (score === null) {
      return check.skip('score', `${scoreKey} ${given(item[scoreKey])} is not a score in 0..1`);
    }
    let depthPercent: number | null = null;
    if (depthKnown) {
      const depth = check.number('depth', item.depth);
      if (depth === null) return;
      depthPercent = depth * 100;
    }
    if (!check.placed(lengthTokens, depthPercent)) return;
    const trial: Trial = {
      lengthTokens,
      depthPercent,
      task,
      score,
      model: runModel,
      expected: answerText(item.answer ?? item.outputs),
      response: optionalText(item.output),
      repeat: name?.seed,
      source: { file: reading.file },
    };
    reading.trial(trial);
  });
  return reading.finish('item', 'no items in "data"');
}

/** A per-item score: a bool (exact match) or a number in 0..1 (recall). */
function itemScore(value: unknown): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : null;
}

/** The expected answer as text: one string, or a list of them. */
function answerText(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map(optionalText).filter((part) => part !== undefined);
    return parts.length > 0 ? parts.join(' | ') : undefined;
  }
  return optionalText(value);
}
