import { type CostModel, estimateCost, parseSamplesCsv } from "../../core/cost/index.js";
import { PeerlinkError } from "../../core/errors.js";
import { escapeText } from "../escape.js";
import { EXIT } from "../exit-codes.js";
import { formatTable } from "../format-table.js";
import { type CommandContext, commandContext } from "../io.js";
import { CliExit, readTextFile } from "../read-topology.js";
import { checkedTopology } from "./checked-topology.js";

export interface CostOptions {
  readonly format: "text" | "json";
  readonly model?: CostModel;
  readonly samples?: string;
}

function money(value: number | undefined): string {
  return value === undefined ? "-" : value.toFixed(2);
}

function readSamples(file: string) {
  const text = readTextFile(file, "samples file ");
  try {
    return parseSamplesCsv(text);
  } catch (error) {
    if (error instanceof PeerlinkError) {
      // Cost errors carry their fix inside the message (see cost/samples.ts), so it is printed once.
      throw new CliExit(
        EXIT.unreadable,
        `peerlink: ${escapeText(file)}: ${error.code} ${escapeText(error.message)}`,
      );
    }
    throw error;
  }
}

/** `peerlink cost FILE [--samples CSV] [--model daily-peak|monthly-95]`. Unpriced tiers are said, never guessed. */
export function runCost(file: string, options: CostOptions, ctx: CommandContext = commandContext()): number {
  const topology = checkedTopology(file, ctx);
  const samples = options.samples === undefined ? undefined : readSamples(options.samples);
  let estimate: ReturnType<typeof estimateCost>;
  try {
    estimate = estimateCost(topology, {
      ...(options.model ? { model: options.model } : {}),
      ...(samples ? { samples } : {}),
    });
  } catch (error) {
    if (error instanceof PeerlinkError) {
      throw new CliExit(EXIT.invalid, `peerlink: ${error.code} ${escapeText(error.message)}`);
    }
    throw error;
  }
  if (options.format === "json") {
    ctx.io.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = estimate.peerings.map((p) => [
    p.peering,
    p.regions[0] === p.regions[1] ? `${p.regions[0]} (same region)` : `${p.regions[0]} → ${p.regions[1]}`,
    p.basis === "free" ? "free" : p.model,
    p.basis,
    p.billedMbps === undefined ? "-" : `${p.billedMbps} Mbps`,
    p.unitPrice === undefined ? "-" : `${p.unitPrice} ${p.unit}`,
    p.priced ? money(p.perDay) : "unpriced",
    p.priced ? money(p.perMonth) : "unpriced",
  ]);
  const excluded = estimate.unpriced.length > 0 ? ` (+${estimate.unpriced.length} unpriced)` : "";
  rows.push([
    "total",
    "",
    "",
    "",
    "",
    "",
    money(estimate.totalPerDay) + excluded,
    money(estimate.totalPerMonth) + excluded,
  ]);
  const lines = [
    formatTable(
      [
        "peering",
        "regions",
        "model",
        "basis",
        "billed",
        "unit price",
        `${estimate.currency}/day`,
        `${estimate.currency}/month`,
      ],
      rows,
    ),
    "",
  ];
  for (const p of estimate.peerings) {
    // Peering ids and the notes built from them are the user's text: escaped like every table cell.
    if (!p.priced)
      lines.push(`${escapeText(p.peering)}: unpriced: ${escapeText(p.reason ?? "no price data")}`);
    for (const note of p.notes) lines.push(`${escapeText(p.peering)}: ${escapeText(note)}`);
  }
  lines.push(
    `Paid by the requester's account. Months are ${estimate.daysPerMonth} days in planned figures. Prices: Tencent mainland list prices (seed 000); free where each cloud documents it (README, rulebook).`,
  );
  ctx.io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
