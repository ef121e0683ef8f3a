/** Where a command writes, and how it reads documents; the real process by default, fakes in tests. */
import { NO_PROGRESS, PROGRESS_MIN_BYTES, type ProgressSink, progressOn } from "./progress.js";
import { cliLimits, type ReadOptions } from "./read-topology.js";

export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: NodeJS.ProcessEnv;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly read: ReadOptions;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The context of a command: limits from the environment; progress for large documents on a TTY or with `--progress`. */
export function commandContext(io: CliIo = processIo(), progress?: boolean): CommandContext {
  const show = progress ?? Boolean(io.stderr.isTTY);
  return {
    io,
    read: {
      limits: cliLimits(io.env),
      progress: (file: string, bytes: number | undefined): ProgressSink =>
        show && (bytes === undefined || bytes >= PROGRESS_MIN_BYTES || progress === true)
          ? progressOn((text) => io.stderr.write(text), file)
          : NO_PROGRESS,
    },
  };
}

/** `useColour` reads only `isTTY`. */
export function asWriteStream(stream: CliStream): NodeJS.WriteStream {
  return stream as NodeJS.WriteStream;
}
