/**
 * A side of a change (`peerlink diff BASE HEAD`, `peerlink graph HEAD --base BASE`): a topology file read and
 * validated like any other, where `/dev/null` or an empty regular file is the topology not written yet (a new
 * file in the pull request, as `git diff` shows one). A pipe is never taken for empty: its size says nothing
 * before it is read. A side may also be a file at a git revision (`--base-ref`): absent or empty there, it is not
 * written yet either. A side that does not match the schema cannot be compared: exit 1 with its diagnostics.
 */
import { statSync } from "node:fs";
import type { ResolvedResult } from "../core/change/index.js";
import type { DiagnosticPlace } from "../core/diagnostic-positions.js";
import { validateDocument } from "../core/validate.js";
import { EXIT } from "./exit-codes.js";
import { schemaFailureText } from "./format-diagnostics.js";
import type { RevisionFile } from "./git-revision.js";
import { asWriteStream, type CommandContext } from "./io.js";
import { CliExit, type ReadResult, readTopology, readTopologyFrom } from "./read-topology.js";
import { useColour } from "./style.js";

function isNothing(file: string): boolean {
  if (file === "/dev/null") return true;
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false; // readTopology says why it cannot be read
  }
}

/** A side read: its validation, and where each of its diagnostics is in its file (none for a side not written). */
export type Side = ResolvedResult & { readonly positions?: readonly DiagnosticPlace[] };

/** Where a side comes from: a file name, or a file at a git revision. */
export type SideSource = string | RevisionFile;

/** The name a side is shown under: the file, or `REV:FILE`. */
export function sideName(source: SideSource): string {
  return typeof source === "string" ? source : source.name;
}

function read(source: SideSource, ctx: CommandContext): ReadResult {
  const options = { ...ctx.read, locate: true };
  if (typeof source === "string")
    return isNothing(source) ? validateDocument({}) : readTopology(source, options);
  return "absent" in source || source.size === 0
    ? validateDocument({})
    : readTopologyFrom(source.name, source.size, source.load, options);
}

export function readSide(source: SideSource, ctx: CommandContext): Side {
  const result = read(source, ctx);
  if (!result.topology) {
    const colour = useColour(asWriteStream(ctx.io.stderr));
    const positions = "positions" in result ? result.positions : undefined;
    throw new CliExit(
      EXIT.invalid,
      schemaFailureText(sideName(source), result.diagnostics, colour, positions),
    );
  }
  return result as Side;
}
