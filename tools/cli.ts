// What the command-line tools share: each exports main(argv, io) returning its
// exit code, so tests run it in-process, and runs it itself only when it is
// the file Node was started with.
import { pathToFileURL } from 'node:url';

/** Where a command writes. Text is written as given: a line carries its own "\n". */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** True in the module Node was started with (`tsx tools/x.ts`), false when imported. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && moduleUrl === pathToFileURL(script).href;
}

/** Ends a command early with an exit code; its message has been written already. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A usage error: `tool: message` on stderr, exit code 2. */
export function usageError(io: CliIo, tool: string, message: string): never {
  io.stderr(`${tool}: ${message}\n`);
  throw new CliExit(2);
}

/** Run a command's body; a CliExit becomes its exit code, anything else is a crash and propagates. */
export async function exitCodeOf(body: () => number | Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    throw error;
  }
}
