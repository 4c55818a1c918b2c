import {
  BatchLoader,
  Dedupe,
  uniqueName,
  unreadable,
  type LoadError,
  type RecordedFile,
  type Run,
  type Source,
} from './appRead';
import type { DiskInput, InputFile, MissingInput } from './inputs';
import { openInput, recordInput, type RecordedInput } from './read';
import type { Chunk, Readers } from './readers';

/** What loading the inputs gave: runs as the app would name them, and the files that failed. */
export interface Loaded {
  runs: Run[];
  errors: LoadError[];
  /** Files no format claimed (the app would offer its column-mapping dialog for them). */
  unmapped: string[];
  /** Files skipped because the same content came earlier, as the app skips them. */
  duplicates: { file: string; sameAs: string }[];
  /** Files that reading threads read (0 when this thread read them all). */
  readElsewhere: number;
}

/** Called after each file, for a progress line. */
export type OnFile = (done: number, total: number, path: string) => void;

/** Consecutive files on disk handed to a reading thread at a time. */
export const CHUNK_FILES = 32;

/** Fewer chunks than this are read on the loading thread alone: a thread would start too late. */
const THREADED_CHUNKS = 4;

/** A stretch of the inputs: a chunk of files on disk, or one input read here (standard input). */
interface Slot {
  inputs: InputFile[];
  /** open: nobody reads it yet; here: read here, in order; away: a reader has it; done. */
  state: 'open' | 'here' | 'away' | 'done';
  results?: RecordedInput[];
  /** While away: resolves when the reader answers for the slot, or gives it back. */
  settled: Promise<void>;
  settle: () => void;
}

function slotOf(inputs: InputFile[]): Slot {
  return { inputs, state: 'open', settled: Promise.resolve(), settle: () => {} };
}

/** Sends a slot away, with a fresh promise of its return (it may go away twice). */
function sendAway(slot: Slot): void {
  slot.state = 'away';
  slot.settled = new Promise<void>((resolve) => (slot.settle = resolve));
}

/** The inputs as slots: files on disk in chunks of {@link CHUNK_FILES}, anything else alone. */
function slotsOf(files: readonly InputFile[]): Slot[] {
  const slots: Slot[] = [];
  let run: DiskInput[] = [];
  const flush = () => {
    if (run.length > 0) slots.push(slotOf(run));
    run = [];
  };
  for (const input of files) {
    if (!('disk' in input)) {
      flush();
      slots.push({ ...slotOf([input]), state: 'here' });
      continue;
    }
    run.push(input);
    if (run.length === CHUNK_FILES) flush();
  }
  flush();
  return slots;
}

/** A turn of the event loop, so that readers' answers come in between two chunks. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the files as the app's loader worker does (src/worker/load.worker.ts): one batch, the
 * same content read once, the same size limit, each file's sources into the core's
 * `BatchLoader`, in the order of the files. Runs get ids and unique names as the app gives them.
 *
 * With `readers`, other threads read chunks of the files on disk ahead (see `recordFile`) while
 * this thread takes them into the batch in order, reading itself whatever no reader has taken
 * yet: the batch is the one reading every file here gives.
 */
export async function loadInputs(
  files: readonly InputFile[],
  missing: readonly MissingInput[] = [],
  onFile: OnFile = () => {},
  readers: Readers | null = null,
): Promise<Loaded> {
  const loader = new BatchLoader();
  for (const { path, reason } of missing) loader.fail({ file: path, reason });
  const dedupe = new Dedupe({});

  /** Takes one input's sources, or its recorded files, into the batch, unless it is a copy. */
  const take = async (
    path: string,
    print: string,
    content: Source[] | RecordedFile[] | { error: LoadError },
  ) => {
    const seen = dedupe.check(path, print);
    if (seen.duplicate) return;
    if (!Array.isArray(content)) {
      loader.fail(content.error);
      return;
    }
    let failed = false;
    for (const item of content) {
      const error = 'read' in item ? loader.take(item) : await loader.add(item);
      if (error) failed = true;
    }
    if (!failed && seen.print !== null) dedupe.read(path, seen.print);
  };
  const readHere = async (input: InputFile) => {
    const opened = await openInput(input);
    if (!opened.read) loader.fail(opened.error);
    else {
      const { opened: sources } = opened;
      const content = sources.ok
        ? sources.sources
        : { error: { file: input.path, reason: sources.reason } };
      await take(input.path, opened.print, content);
    }
  };
  const takeRecorded = async (input: InputFile, recorded: RecordedInput) => {
    if (recorded.read === 'large') await readHere(input);
    else if (!recorded.read) loader.fail(recorded.error);
    else await take(input.path, recorded.print, recorded.files);
  };

  const slots = slotsOf(files);
  let readElsewhere = 0;
  const chunks = slots.filter((slot) => slot.state === 'open');
  const threaded = readers !== null && chunks.length >= THREADED_CHUNKS;
  const handOut = (slot: Slot): Chunk => {
    sendAway(slot);
    return {
      inputs: slot.inputs as DiskInput[],
      done: (results) => {
        readElsewhere += results.length;
        slot.results = results;
        slot.state = 'done';
        slot.settle();
      },
      lost: () => {
        if (slot.state !== 'away') return;
        slot.state = 'open';
        slot.settle();
      },
    };
  };
  if (threaded) {
    readers.start(() => {
      const slot = chunks.find((s) => s.state === 'open');
      return slot ? handOut(slot) : null;
    });
  }

  let done = 0;
  const taken = async (input: InputFile, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      loader.fail(unreadable(input.path, error));
    }
    done += 1;
    onFile(done, files.length, input.path);
  };
  for (let i = 0; i < slots.length;) {
    const slot = slots[i]!;
    if (slot.state === 'open' || slot.state === 'here') {
      slot.state = 'here';
      for (const input of slot.inputs) await taken(input, () => readHere(input));
      i += 1;
      if (threaded) await breathe();
    } else if (slot.state === 'done') {
      const results = slot.results ?? [];
      for (const [k, input] of slot.inputs.entries()) {
        await taken(input, () => takeRecorded(input, results[k] ?? { read: 'large' }));
      }
      i += 1;
    } else {
      // A reader has this slot: read the last chunk nobody has, ahead, while it works.
      const ahead = chunks.findLast((s) => s.state === 'open');
      if (!ahead) {
        await slot.settled;
        continue;
      }
      sendAway(ahead);
      const results: RecordedInput[] = [];
      for (const input of ahead.inputs) results.push(await recordInput(input as DiskInput));
      ahead.results = results;
      ahead.state = 'done';
      await breathe();
    }
  }

  const result = loader.finish();
  const names: string[] = [];
  const runs = result.runs.map((draft, i) => {
    const name = uniqueName(draft.name, names);
    names.push(name);
    return { ...draft, name, id: `run-${i + 1}` };
  });
  return {
    runs,
    errors: result.errors,
    unmapped: result.unmapped.map((u) => u.file),
    duplicates: dedupe.duplicates,
    readElsewhere,
  };
}

/** A load error as the app lists it: the file, the line where that applies, the reason. */
export function errorLine(error: LoadError): string {
  return `${error.file}${error.line === undefined ? '' : `, line ${error.line}`}: ${error.reason}`;
}
