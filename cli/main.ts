import type { Io } from './command';
import { threadReaders } from './readers';
import { readingThreads } from './threads';
import { InputError, USAGE, UsageError } from './usage';

type Command = (args: string[], io: Io) => Promise<void>;

/**
 * Each command's module, imported when it runs: `--help` and a usage error load none of them,
 * and `summary` never loads React or the figure.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  render: async () => (await import('./render')).render,
  summary: async () => (await import('./summary')).summary,
  cells: async () => (await import('./cells')).cells,
  report: async () => (await import('./report')).report,
};

/** The process's own streams. */
export const PROCESS_IO: Io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
};

/**
 * Runs `haymap <command> ...`; resolves to the exit status: 0 done, 1 an input could not be
 * read, 2 a usage error (with the usage on stderr).
 */
export async function main(argv: string[], io: Io = PROCESS_IO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${USAGE.haymap}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`haymap: unknown command ${JSON.stringify(name)}\n\n${USAGE.haymap}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${USAGE[name]}\n`);
    return 0;
  }
  // Reading threads start before the command's modules load, so they are ready with it.
  const readers = io.readers === undefined ? threadReaders((readingThreads(args) ?? 1) - 1) : null;
  try {
    await (
      await command()
    )(args, readers ? { ...io, readers } : io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`haymap ${name}: ${error.message}\n\n${USAGE[error.command ?? name]}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`haymap ${name}: cannot read the input\n${error.message}\n`);
      return 1;
    }
    io.stderr.write(`haymap ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    readers?.close();
  }
}
