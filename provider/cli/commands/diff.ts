import { statSync } from "node:fs";
import { type ResolvedResult, topologyChange } from "../../core/change/index.js";
import { validateDocument } from "../../core/validate.js";
import { EXIT } from "../exit-codes.js";
import { describeChange, formatChangeMarkdown, formatChangeText } from "../format-change.js";
import { formatDiagnosticsText } from "../format-diagnostics.js";
import { asWriteStream, type CommandContext, commandContext } from "../io.js";
import { CliExit, readTopology } from "../read-topology.js";
import { useColour } from "../style.js";

export interface DiffOptions {
  readonly format: "text" | "json" | "markdown";
}

/**
 * `/dev/null` or an empty regular file: the side of a change that has no topology yet (a new file in the pull
 * request, as `git diff` shows one). A pipe is never taken for empty: its size says nothing before it is read.
 */
function isNothing(file: string): boolean {
  if (file === "/dev/null") return true;
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false; // readTopology says why it cannot be read
  }
}

/** A side of the diff; one that does not match the schema cannot be compared: exit 1 with its diagnostics. */
function resolved(file: string, ctx: CommandContext): ResolvedResult {
  const result = isNothing(file) ? validateDocument({}) : readTopology(file, ctx.read);
  if (!result.topology)
    throw new CliExit(
      EXIT.invalid,
      formatDiagnosticsText(file, result.diagnostics, useColour(asWriteStream(ctx.io.stderr))).trimEnd(),
    );
  return result as ResolvedResult;
}

/**
 * `peerlink diff BASE HEAD`: what the change from BASE to HEAD does (resources, traffic, planned cost, problems).
 * Exit 1 when HEAD has an error that BASE did not have, so CI stops a change that makes the topology worse while
 * the problems it inherited stay `peerlink validate`'s business.
 */
export function runDiff(
  base: string,
  head: string,
  options: DiffOptions,
  ctx: CommandContext = commandContext(),
): number {
  const change = topologyChange(resolved(base, ctx), resolved(head, ctx));
  if (options.format === "json") {
    const plain = (list: typeof change.diagnostics.introduced) =>
      list.map(({ code, severity, resource, message, fix }) => ({ code, severity, resource, message, fix }));
    ctx.io.stdout.write(
      `${JSON.stringify(
        {
          ...change,
          diagnostics: {
            introduced: plain(change.diagnostics.introduced),
            resolved: plain(change.diagnostics.resolved),
            unchanged: plain(change.diagnostics.unchanged),
          },
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const sections = describeChange(change);
    ctx.io.stdout.write(
      options.format === "markdown"
        ? formatChangeMarkdown(base, head, sections)
        : formatChangeText(base, head, sections),
    );
  }
  return change.ok ? EXIT.ok : EXIT.invalid;
}
