import { topologyChange } from "../../core/change/index.js";
import { EXIT } from "../exit-codes.js";
import { describeChange, formatChangeMarkdown, formatChangeText } from "../format-change.js";
import { type CommandContext, commandContext } from "../io.js";
import { readSide } from "../read-side.js";

export interface DiffOptions {
  readonly format: "text" | "json" | "markdown";
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
  const change = topologyChange(readSide(base, ctx), readSide(head, ctx));
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
