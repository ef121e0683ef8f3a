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

/** A topology file that cannot be read or parsed as YAML/JSON at all. */
export class DocumentReadError extends PeerlinkError {
  override readonly name = "DocumentReadError";
}
