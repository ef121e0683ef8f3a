/**
 * The rulebook as the README's table (a generated section, kept in sync by test/readme.test.ts): one row per rule,
 * one column per cloud, each cell the value and the numbers of its sources, then the sources listed once each.
 */
import { CLOUDS, type Cloud } from "../topology-schema.js";
import { RULEBOOK } from "./index.js";
import type { Citation, CloudRulebook, Entry } from "./types.js";

type Row = readonly [label: string, pick: (book: CloudRulebook) => Entry<unknown>];

const ROWS: readonly Row[] = [
  ["VPC IPv4 block ranges (prefix lengths)", (b) => b.vpcBlocks.ipv4Ranges],
  ["VPC IPv4 block prefix length", (b) => b.vpcBlocks.ipv4PrefixLength],
  ["VPC IPv6 block declared by the user", (b) => b.vpcBlocks.ipv6Declared],
  ["subnet inside its VPC's blocks", (b) => b.subnets.withinVpc],
  ["subnet IPv4 longest prefix", (b) => b.subnets.ipv4MaxPrefix],
  ["subnets of one VPC disjoint", (b) => b.subnets.disjoint],
  ["subnet asks for IPv6 at creation", (b) => b.subnets.ipv6AtCreate],
  ["regions a peering may join", (b) => b.regions],
  ["IPv6 destinations through a peering", (b) => b.ipv6PeeringRoutes],
  ["cross-account peering", (b) => b.crossAccount],
  ["who accepts", (b) => b.who.accept],
  ["who rejects", (b) => b.who.reject],
  ["who resizes the bandwidth", (b) => b.who.resize],
  ["who renames", (b) => b.who.rename],
  ["who re-enables an expired request", (b) => b.who.enable],
  ["who deletes", (b) => b.who.delete],
  ["routes when the peering is deleted", (b) => b.onDelete.routes],
  ["the deleted peering's record", (b) => b.onDelete.record],
  ["pending request expires after (days)", (b) => b.pendingExpiryDays],
  ["peerings per VPC", (b) => b.limits.peeringsPerVpc],
  ["routes per route table", (b) => b.limits.routesPerRouteTable],
  ["peering name length", (b) => b.limits.nameLength],
  ["cross-region bandwidth tiers (Mbps)", (b) => b.bandwidth.crossRegionTiers],
  ["cross-region bandwidth required", (b) => b.bandwidth.crossRegionRequired],
  ["bandwidth required on every peering", (b) => b.bandwidth.requiredPositiveInteger],
  ["bandwidth not settable", (b) => b.bandwidth.notSettable],
  ["cross-region peers of one VPC disjoint", (b) => b.crossRegionPeersDisjoint],
  ["per-IP limits", (b) => b.perIpLimits],
  ["charge types", (b) => b.billing.chargeTypes],
  ["same-region charge types", (b) => b.billing.sameRegionChargeTypes],
  ["service levels", (b) => b.billing.serviceLevels],
  ["service level needs charge type", (b) => b.billing.serviceLevelChargeType],
  ["peerings free of charge", (b) => b.billing.free],
];

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(show).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if ("min" in value && "max" in value) return `${String(value.min)}-${String(value.max)}`;
    if ("within" in value && "minPrefix" in value && "maxPrefix" in value)
      return `${String(value.within)} (/${String(value.minPrefix)}-/${String(value.maxPrefix)})`;
    return entries.length === 0 ? "none" : entries.map(([k, v]) => `${k}: ${String(v)}`).join("; ");
  }
  return String(value);
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The Markdown table and its numbered sources. */
export function renderRulebook(): string {
  const sources: Citation[] = [];
  const numberOf = (c: Citation): number => {
    const i = sources.findIndex((s) => s.url === c.url && s.quote === c.quote);
    if (i !== -1) return i + 1;
    sources.push(c);
    return sources.length;
  };
  const rows: string[][] = [["rule", ...CLOUDS]];
  for (const [label, pick] of ROWS) {
    const cells = CLOUDS.map((cloud: Cloud) => {
      const entry = pick(RULEBOOK[cloud]);
      if ("open" in entry) return "open (undocumented)";
      return `${show(entry.value)} [${entry.sources.map(numberOf).join(", ")}]`;
    });
    rows.push([label, ...cells].map(cell));
  }
  // Columns padded to their widest cell, as the repository's formatter (biome) lays Markdown tables out, so that
  // the generated section passes `npm run lint` unchanged.
  const widths = rows[0]!.map((_, c) => Math.max(3, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((text, c) => text.padEnd(widths[c]!)).join(" | ")} |`;
  const lines = [
    line(rows[0]!),
    `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`,
    ...rows.slice(1).map(line),
  ];
  lines.push("", "Sources:", "");
  sources.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.title}, ${s.url}: "${s.quote}"`);
  });
  return lines.join("\n");
}
