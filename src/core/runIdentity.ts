/**
 * Which run a record belongs to, from what it says (its model) and where its file sits. Files
 * of one folder make one run (a folder of 1,376 per-test files); files of the same name in
 * different folders are different runs (LongVA's `niah_output/<setting>/<model>/all_accuracies.json`),
 * named by the path segments that tell them apart; tokens and frames never share a run.
 */
import type { LengthUnit } from './types';

/** What a group of records is keyed by while a batch is read. */
export interface RunKey {
  /** The model the records name, or null where they name none. */
  model: string | null;
  /** The folder of the file, '' for a file given without one. */
  folder: string;
  unit: LengthUnit;
}

/** A group of records read so far, with the files behind it. */
export interface RunGroup {
  key: RunKey;
  files: readonly string[];
}

/** A run to form: the groups (by index) to merge into it, and its name. */
export interface PlannedRun {
  name: string;
  members: number[];
  unit: LengthUnit;
}

const SEPARATOR = ' / ';

/** The folder part of a path ('' without one). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? path.slice(0, slash) : '';
}

/** The file name at the end of a path, without its extension. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The run name for records that do not name a model, in a batch of one folder: the dropped
 * folder's name, else the first file's name without its extension.
 */
export function batchName(firstPath: string): string {
  const slash = firstPath.indexOf('/');
  return slash > 0 ? firstPath.slice(0, slash) : fileStem(firstPath);
}

/** One string for a key, to use as a map key. */
export function runKeyId(key: RunKey): string {
  return [key.model ?? '', key.folder, key.unit].join('\u0000');
}

/**
 * The segments that tell folders apart: each folder's segments less those every folder
 * starts with and those every folder ends with, joined by " / ". A folder left with none
 * (the shared prefix itself) is named by its last segment, or '' for no folder.
 */
export function distinguishingNames(folders: readonly string[]): string[] {
  if (folders.length === 0) return [];
  const split = folders.map((f) => (f === '' ? [] : f.split('/')));
  const shortest = Math.min(...split.map((s) => s.length));
  let prefix = 0;
  while (prefix < shortest && split.every((s) => s[prefix] === split[0]?.[prefix])) prefix += 1;
  let suffix = 0;
  const at = (s: string[], i: number) => s[s.length - 1 - i];
  while (
    suffix < shortest - prefix &&
    split.every((s) => at(s, suffix) === at(split[0] ?? [], suffix))
  ) {
    suffix += 1;
  }
  return split.map((segments) => {
    const kept = segments.slice(prefix, segments.length - suffix);
    return kept.length > 0 ? kept.join(SEPARATOR) : (segments.at(-1) ?? '');
  });
}

/** A folder segment that is a number (RULER's `<length>` folder: 4096, 128k): a coordinate, not a run. */
const COORDINATE_SEGMENT = /^\d+(\.\d+)?[kKmM]?$/;

/**
 * A NeMo-Skills task folder, `ruler.<setup>.<task>` or `ruler2.<setup>.<task>`: one folder per
 * task of a setup, so the task part is a coordinate too.
 */
const NEMO_TASK_SEGMENT = /^(ruler2?\.[^/]+)\.[^./]+$/;

/**
 * The folder as far as run identity goes: number segments stand for any number, so RULER's
 * `<model>/synthetic/4096/pred` and `.../8192/pred` are one run; NeMo-Skills task folders
 * stand for any task of their setup.
 */
export function runFolder(folder: string): string {
  return folder
    .split('/')
    .map((segment) =>
      COORDINATE_SEGMENT.test(segment) ? '*' : segment.replace(NEMO_TASK_SEGMENT, '$1.*'),
    )
    .join('/');
}

/**
 * Whether a file name comes from several run folders among the groups: the sign that the
 * folders hold runs of their own (seven `all_accuracies.json`) rather than parts of one.
 */
function folderSplitNeeded(groups: readonly RunGroup[]): boolean {
  const foldersByName = new Map<string, Set<string>>();
  for (const group of groups) {
    const folder = runFolder(group.key.folder);
    for (const file of group.files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      const folders = foldersByName.get(name) ?? new Set<string>();
      folders.add(folder);
      foldersByName.set(name, folders);
    }
  }
  return [...foldersByName.values()].some((folders) => folders.size > 1);
}

function groupIndices<K>(items: readonly number[], key: (i: number) => K): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const i of items) {
    const k = key(i);
    const group = out.get(k);
    if (group) group.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * Runs from the groups of a batch, in the order the groups came:
 * - records without a model: one run, named after the dropped folder (or the first file
 *   without a folder), unless the same file name comes from several run folders (see
 *   {@link runFolder}): then one run per run folder, named by the segments that tell them apart;
 * - records naming a model: one run per model, split the same way, named `<model> (<segments>)`;
 * - a frames run beside a tokens run of the same name is named `<name> (frames)`;
 * names still alike get " 2", " 3".
 */
export function planRuns(groups: readonly RunGroup[]): PlannedRun[] {
  const all = groups.map((_, i) => i);
  const unitOf = (i: number) => groups[i]?.key.unit ?? 'tokens';
  const folderOfGroup = (i: number) => groups[i]?.key.folder ?? '';
  const planned: (PlannedRun & { first: number })[] = [];
  const byUnit = (members: number[], name: string) => {
    for (const [unit, same] of groupIndices(members, unitOf)) {
      planned.push({ name, members: same, unit, first: same[0] ?? 0 });
    }
  };

  const runFolderOf = (i: number) => runFolder(folderOfGroup(i));
  /** One run for the members, or one per run folder where look-alike files ask for it. */
  const plan = (members: number[], whole: string, part: (name: string) => string) => {
    if (!folderSplitNeeded(members.flatMap((i) => groups[i] ?? []))) {
      byUnit(members, whole);
      return;
    }
    const folders = [...new Set(members.map(runFolderOf))];
    const names = distinguishingNames(folders);
    for (const [folder, same] of groupIndices(members, runFolderOf)) {
      byUnit(same, part(names[folders.indexOf(folder)] ?? ''));
    }
  };

  const unnamed = all.filter((i) => groups[i]?.key.model === null);
  const firstFile = groups[unnamed[0] ?? 0]?.files[0] ?? '';
  plan(unnamed, batchName(firstFile), (name) => name || fileStem(firstFile));

  const named = all.filter((i) => groups[i]?.key.model !== null);
  for (const [model, members] of groupIndices(named, (i) => groups[i]?.key.model ?? '')) {
    plan(members, model, (name) => {
      const part = name
        .split(SEPARATOR)
        .filter((segment) => segment !== model)
        .join(SEPARATOR);
      return part === '' ? model : `${model} (${part})`;
    });
  }

  planned.sort((a, b) => a.first - b.first);
  const unitsByName = groupIndices(
    planned.map((_, i) => i),
    (i) => planned[i]?.name ?? '',
  );
  const used = new Map<string, number>();
  return planned.map(({ name, members, unit }) => {
    const withUnit =
      unit !== 'tokens' && (unitsByName.get(name)?.length ?? 0) > 1 ? `${name} (${unit})` : name;
    const seen = (used.get(withUnit) ?? 0) + 1;
    used.set(withUnit, seen);
    return { name: seen === 1 ? withUnit : `${withUnit} ${seen}`, members, unit };
  });
}
