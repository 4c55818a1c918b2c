import { writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Run } from './app';
import { collectInputs } from './inputs';
import { grouped } from './appRead';
import { errorLine, loadInputs } from './load';
import type { Readers } from './readers';
import { MAX_THREADS, threadCount } from './threads';
import { InputError, UsageError } from './usage';

/** Where a command reads and writes: the process's streams, or a test's. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: { write(data: string | Uint8Array): unknown };
  stderr: { write(data: string): unknown; isTTY?: boolean };
  /** Threads started to read the inputs (see main.ts); none: this thread reads them all. */
  readers?: Readers | null;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  output: { type: 'string', short: 'o' },
  threads: { type: 'string' },
} as const;

/** The command's options and inputs, or a usage error saying what is wrong. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

/** Progress and notes on stderr: progress only on a terminal, nothing at all with --quiet. */
export function reporter(io: Io, quiet: boolean | undefined) {
  const progress = !quiet && io.stderr.isTTY === true;
  return {
    note: (text: string) => {
      if (!quiet) io.stderr.write(`${text}\n`);
    },
    progress: (done: number, total: number, path: string) => {
      if (!progress) return;
      io.stderr.write(`\r\x1b[Kreading ${done}/${total} ${path}`);
      if (done === total) io.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Loads the inputs as the app does. Any file that cannot be read fails the command (exit 1),
 * listed as the app lists it; nothing is written then.
 */
export async function loadRuns(
  command: string,
  inputs: string[],
  io: Io,
  values: { quiet?: boolean; threads?: string },
): Promise<Run[]> {
  if (inputs.length === 0) throw new UsageError('no input files or folders given', command);
  if (threadCount(values.threads) === null) {
    throw new UsageError(`--threads must be a whole number from 1 to ${MAX_THREADS}`, command);
  }
  const say = reporter(io, values.quiet);
  const { files, missing } = await collectInputs(inputs, io.stdin);
  const loaded = await loadInputs(files, missing, say.progress, io.readers ?? null);
  const problems = [
    ...loaded.errors.map(errorLine),
    ...loaded.unmapped.map(
      (file) =>
        `${file}: no format claimed this table (the app would ask which columns hold length, depth and score)`,
    ),
  ];
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  for (const { file, sameAs } of loaded.duplicates) {
    say.note(`skipped ${file}: same content as ${sameAs}`);
  }
  if (loaded.readElsewhere > 0) {
    say.note(
      `read ${grouped(files.length)} files, ${grouped(loaded.readElsewhere)} of them on other threads`,
    );
  }
  if (loaded.runs.length === 0) throw new InputError('the inputs hold no results');
  return loaded.runs;
}

/** Writes the output to `-o FILE`, or to standard output. */
export async function writeOutput(io: Io, output: string | undefined, data: string | Uint8Array) {
  if (output === undefined || output === '-') io.stdout.write(data);
  else await writeFile(output, data);
}
