import type { Diagnostic, DiagnosticCode } from "./diagnostics.js";

/**
 * The root of every error peerlink throws. `code` is stable and documented; `resource`, `value` and `fix`
 * say what is wrong and what to do. Backend errors (later) add the cloud's own code.
 */
export class PeerlinkError extends Error {
  override readonly name: string = "PeerlinkError";
  readonly code: string;
  readonly resource: string | undefined;
  readonly value: string | undefined;
  readonly fix: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { resource?: string; value?: string; fix?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.resource = options.resource;
    this.value = options.value;
    this.fix = options.fix;
  }
}

/** Thrown by front ends that refuse a topology: carries every diagnostic, not only the first. */
export class TopologyValidationError extends PeerlinkError {
  override readonly name = "TopologyValidationError";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const lines = errors.map((d) => `[${d.resource}] ${d.code} ${d.message} Fix: ${d.fix}`);
    super(
      (errors[0]?.code ?? "INVALID_DOCUMENT") as DiagnosticCode,
      `peerlink found ${errors.length} error(s) in the topology:\n${lines.join("\n")}`,
    );
    this.diagnostics = diagnostics;
  }
}

/**
 * Why a topology file could not be turned into a value (all end the CLI with exit code 2):
 * - `UNREADABLE_DOCUMENT`: not a file, a syntax error, a duplicate key, binary content, an encoding that is not
 *   UTF-8 (UTF-16 with a BOM is decoded).
 * - `DOCUMENT_TOO_LARGE`: more bytes than the size limit (512 MiB by default).
 * - `DOCUMENT_TOO_DEEP`: objects and arrays nested deeper than the depth limit (64 by default).
 * - `DOCUMENT_ALIASES`: YAML aliases that expand the document past the alias limits, or refer to themselves.
 */
export type DocumentReadCode =
  | "UNREADABLE_DOCUMENT"
  | "DOCUMENT_TOO_LARGE"
  | "DOCUMENT_TOO_DEEP"
  | "DOCUMENT_ALIASES";

/** A topology file that cannot be read or parsed as YAML/JSON at all. */
export class DocumentReadError extends PeerlinkError {
  override readonly name = "DocumentReadError";
  declare readonly code: DocumentReadCode;

  constructor(
    code: DocumentReadCode,
    message: string,
    options: { resource?: string; value?: string; fix?: string; cause?: unknown } = {},
  ) {
    super(code, message, options);
  }
}
