import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { type DiagnosticPlace, diagnosticPlaces } from "../core/diagnostic-positions.js";
import { DocumentReadError } from "../core/errors.js";
import { checkStart, decodeDocument } from "../core/load/decode.js";
import { DEFAULT_LOAD_LIMITS, type LoadLimits, parseTopologyDocument } from "../core/load-document.js";
import { type ValidationResult, validateDocument } from "../core/validate.js";
import { escapeText } from "./escape.js";
import { EXIT } from "./exit-codes.js";
import { NO_PROGRESS, type ProgressSink } from "./progress.js";

/** Raised for problems that end a command with a given exit code and a message for stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** How a command reads its document: limits, and where progress goes once the size is known. */
export interface ReadOptions {
  readonly limits?: Partial<LoadLimits>;
  /** Called with the file and its size (bytes, when known); returns where progress goes. */
  readonly progress?: (file: string, bytes: number | undefined) => ProgressSink;
  /**
   * Find where each diagnostic is in the file (`positions`). The text is then kept until validation ends, one
   * more copy of the document in memory, and read a second time when there is something to report.
   */
  readonly locate?: boolean;
}

/** A validated file, and with `locate` where in it each diagnostic is (same order; `undefined` where unknown). */
export interface ReadResult extends ValidationResult {
  readonly positions?: readonly DiagnosticPlace[];
}

/** The limits of the CLI: the defaults, with `PEERLINK_MAX_DOCUMENT_BYTES` and `PEERLINK_MAX_DOCUMENT_DEPTH`. */
export function cliLimits(env: NodeJS.ProcessEnv = process.env): Partial<LoadLimits> {
  const limits: { maxBytes?: number; maxDepth?: number } = {};
  const bytes = Number(env.PEERLINK_MAX_DOCUMENT_BYTES);
  if (env.PEERLINK_MAX_DOCUMENT_BYTES && Number.isSafeInteger(bytes) && bytes > 0) limits.maxBytes = bytes;
  const depth = Number(env.PEERLINK_MAX_DOCUMENT_DEPTH);
  if (env.PEERLINK_MAX_DOCUMENT_DEPTH && Number.isSafeInteger(depth) && depth > 0) limits.maxDepth = depth;
  return limits;
}

function readError(error: DocumentReadError): CliExit {
  // The message names the file and may quote the document (a duplicate key): one line, control characters shown.
  return new CliExit(
    EXIT.unreadable,
    `peerlink: ${error.code} ${escapeText(error.message)} (fix: ${escapeText(error.fix ?? "")})`,
  );
}

function tooLarge(file: string, maxBytes: number): DocumentReadError {
  return new DocumentReadError("DOCUMENT_TOO_LARGE", `${file}: larger than the limit of ${maxBytes} bytes`, {
    resource: file,
    fix: "Split the topology, or raise the limit with PEERLINK_MAX_DOCUMENT_BYTES.",
  });
}

const CHUNK = 1 << 20;

/** The file name that reads standard input. */
export const STDIN = "-";

/**
 * Reads at most `maxBytes` bytes of a file: a regular file larger than that is refused from its size before any
 * read, a device or pipe (`/dev/zero`, a FIFO) as soon as it passes the limit, binary content after the first
 * chunk. `-` is standard input, read to its end and left open. Errors are `DocumentReadError`s, or `CliExit` for a
 * file that cannot be opened.
 */
export function readDocumentBytes(
  file: string,
  maxBytes: number,
  onSize?: (bytes: number | undefined) => void,
): Buffer {
  let fd = 0;
  try {
    if (file !== STDIN) fd = openSync(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES"
          ? "permission denied"
          : String((error as Error).message);
    throw new CliExit(EXIT.unreadable, `peerlink: UNREADABLE_DOCUMENT cannot read ${file}: ${reason}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw new DocumentReadError("UNREADABLE_DOCUMENT", `${file}: is a directory`, {
        resource: file,
        fix: "Name a YAML or JSON file.",
      });
    }
    const regular = stat.isFile();
    if (regular && stat.size > maxBytes) throw tooLarge(file, maxBytes);
    onSize?.(regular ? stat.size : undefined);
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file is read into one buffer of its size (plus one byte, to see it grew); anything else in chunks.
    let buffer = Buffer.allocUnsafe(regular ? Math.min(stat.size + 1, maxBytes + 1) : CHUNK);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        chunks.push(buffer);
        buffer = Buffer.allocUnsafe(CHUNK);
        filled = 0;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, filled, buffer.length - filled, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw new DocumentReadError("UNREADABLE_DOCUMENT", `${file}: ${(error as Error).message}`, {
          resource: file,
          fix: "Name a readable YAML or JSON file.",
        });
      }
      if (read === 0) break;
      if (total === 0) checkStart(buffer.subarray(0, Math.min(read, 4096)), file);
      filled += read;
      total += read;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
    }
    chunks.push(buffer.subarray(0, filled));
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    if (file !== STDIN) closeSync(fd);
  }
}

/** Reads a text file the user named (e.g. samples); a file that cannot be read ends the command with exit code 2. */
export function readTextFile(file: string, what = ""): string {
  try {
    return decodeDocument(readDocumentBytes(file, DEFAULT_LOAD_LIMITS.maxBytes), file);
  } catch (error) {
    if (error instanceof DocumentReadError) {
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: cannot read ${what}${file}: ${error.code} ${error.message}`,
      );
    }
    throw error;
  }
}

/** Reads, parses and validates a topology file; every read or parse failure ends the command with exit code 2. */
export function readTopology(file: string, options: ReadOptions = {}): ReadResult {
  return checkTopology(file, (maxBytes, onSize) => readDocumentBytes(file, maxBytes, onSize), options);
}

/**
 * Reads, parses and validates a topology that is not a file of its own (a file at a git revision,
 * `origin/main:network.yaml`), with a file's limits, progress and failures: `size` is checked against the limit
 * before `load` is called.
 */
export function readTopologyFrom(
  name: string,
  size: number,
  load: () => Buffer,
  options: ReadOptions = {},
): ReadResult {
  return checkTopology(
    name,
    (maxBytes, onSize) => {
      if (size > maxBytes) throw tooLarge(name, maxBytes);
      onSize(size);
      return load();
    },
    options,
  );
}

function checkTopology(
  name: string,
  read: (maxBytes: number, onSize: (bytes: number | undefined) => void) => Buffer,
  options: ReadOptions,
): ReadResult {
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  let progress = NO_PROGRESS;
  try {
    // The bytes, then the text, are dropped as soon as the next form exists: one copy of a large document at a time.
    let text = decodeDocument(
      read(limits.maxBytes, (size) => {
        progress = options.progress?.(name, size) ?? NO_PROGRESS;
        progress.phase("reading", size === undefined ? undefined : `${(size / 1e6).toFixed(1)} MB`);
      }),
      name,
    );
    progress.phase("parsing");
    const parsed = parseTopologyDocument(text, name, { limits });
    if (!options.locate) text = "";
    const result = validateDocument(parsed.value, (phase, detail) => progress.phase(phase, detail));
    if (options.locate && result.diagnostics.length > 0) progress.phase("locating");
    // The value validated is the one a JSON text is located beside: no second JSON.parse.
    const located = options.locate
      ? { ...result, positions: diagnosticPlaces(text, result.diagnostics, parsed) }
      : result;
    progress.done();
    return located;
  } catch (error) {
    if (error instanceof DocumentReadError) throw readError(error);
    throw error;
  }
}
