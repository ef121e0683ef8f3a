/**
 * `peerlink audit`: discover (or read a discovered document), then judge: every validator code on the live
 * topology and the audit's own findings (core/audit), and with `--against` the drift from a declared topology.
 * Output and exit codes as `validate`: 0 without errors, 1 with errors, 2 when something cannot be read.
 */
import { auditTopology, driftBetween } from "../../core/audit/index.js";
import { sortDiagnostics } from "../../core/diagnostics.js";
import { type TopologyDocument, topologySchema } from "../../core/topology-schema.js";
import { writeChunks } from "../chunked-output.js";
import { escapeText } from "../escape.js";
import { EXIT } from "../exit-codes.js";
import { diagnosticsJsonChunks, diagnosticsTextChunks, schemaFailureText } from "../format-diagnostics.js";
import { asWriteStream, type CommandContext } from "../io.js";
import { CliExit, readTopology } from "../read-topology.js";
import { useColour } from "../style.js";
import { type ConnectionOptions, readEstate } from "./discover.js";

export interface AuditOptions extends ConnectionOptions {
  readonly format: "text" | "json";
  /** A document `peerlink discover` wrote, instead of reading the accounts. */
  readonly input?: string;
  /** The declared topology to compare with. */
  readonly against?: string;
}

/** A topology file that must match the schema (rule errors are the audit's to report, not a reason to stop). */
function documentOf(file: string, ctx: CommandContext, what: string): TopologyDocument {
  const result = readTopology(file, { ...ctx.read, locate: true });
  if (!result.topology)
    throw new CliExit(
      EXIT.unreadable,
      `${schemaFailureText(file, result.diagnostics, false, result.positions)}\npeerlink: ${what} ${escapeText(file)} is not a topology document.`,
    );
  return topologySchema.parse(result.topology.document);
}

export async function runAudit(
  options: AuditOptions,
  ctx: CommandContext,
  now = new Date(),
): Promise<number> {
  const live =
    options.input !== undefined
      ? documentOf(options.input, ctx, "the discovered estate")
      : await readEstate(options, ctx);
  const declared = options.against === undefined ? undefined : documentOf(options.against, ctx, "--against");
  // The one comparison that can be skipped without a finding: say so, or an unread list would pass for a clean one.
  if (declared?.subnets !== undefined && live.subnets === undefined)
    ctx.io.stderr.write(
      `peerlink: audit: warning: ${escapeText(options.against ?? "")} declares subnets, but the live estate has no subnets list (they were not read), so no subnet is compared. Discover again with credentials that may list subnets.\n`,
    );
  const diagnostics = sortDiagnostics([
    ...auditTopology(live, { now }),
    ...(declared ? driftBetween(declared, live) : []),
  ]);
  const ok = !diagnostics.some((d) => d.severity === "error");
  const source =
    options.input ?? options.profile ?? `${options.backend ?? "estate"} ${options.region ?? ""}`.trim();
  // In pieces, as validate writes: an estate's findings can be longer than one string may be.
  writeChunks(
    ctx.io.stdout,
    options.format === "json"
      ? diagnosticsJsonChunks(ok, diagnostics)
      : diagnosticsTextChunks(source, diagnostics, useColour(asWriteStream(ctx.io.stdout))),
  );
  return ok ? EXIT.ok : EXIT.invalid;
}
