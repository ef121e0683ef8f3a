import { readFileSync } from "node:fs";
import { DocumentReadError } from "../core/errors.js";
import { parseTopologyText } from "../core/load-document.js";
import { type ValidationResult, validateDocument } from "../core/validate.js";
import { EXIT } from "./exit-codes.js";

/** Raised for problems that end a command with a given exit code and a message for stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a text file the user named; a file that cannot be read ends the command with exit code 2. */
export function readTextFile(file: string, what = ""): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new CliExit(EXIT.unreadable, `peerlink: cannot read ${what}${file}: ${reason}`);
  }
}

/** Reads and validates a topology file; unreadable files end the command with exit code 2. */
export function readTopology(file: string): ValidationResult {
  const text = readTextFile(file);
  try {
    return validateDocument(parseTopologyText(text, file));
  } catch (error) {
    if (error instanceof DocumentReadError) {
      throw new CliExit(EXIT.unreadable, `peerlink: ${error.message}\n  fix: ${error.fix}`);
    }
    throw error;
  }
}
