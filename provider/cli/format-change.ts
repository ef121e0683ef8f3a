/**
 * `peerlink diff` for people: the change as sections of signed lines (+ added or gained, - removed or lost, ~
 * changed), rendered as terminal text or as Markdown for a pull request. Both renderings come from the same
 * lines (describeChange), so they cannot say different things. Every id, name and value is the user's text and is
 * escaped where it is rendered (terminal: ./escape.ts; Markdown: markdownText).
 */
import { fieldValueText, type TopologyChange } from "../core/change/index.js";
import type { PeeringCost } from "../core/cost/estimate.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { renderResource } from "../core/resource-ref.js";
import { escapeText } from "./escape.js";
import { plural } from "./format-diagnostics.js";

export type Sign = "+" | "-" | "~";

export interface ChangeLine {
  readonly sign: Sign;
  /** What the line is about: `peering gz-bj`, `gz-prod → bj-dr`, `TRANSITIVE_ROUTE routes[4]`. */
  readonly subject: string;
  readonly detail: string;
  /** A second line under it (a diagnostic's fix). */
  readonly note?: string;
}

export interface ChangeSection {
  /** `Resources: 2 added, 1 removed, 1 changed`. */
  readonly title: string;
  readonly lines: readonly ChangeLine[];
}

const signed = (amount: number) =>
  `${amount > 0 ? "+" : amount < 0 ? "-" : "±"}${Math.abs(amount).toFixed(2)}`;

const NOUNS = {
  vpcs: "VPC",
  subnets: "subnet",
  peerings: "peering",
  routes: "route",
  bandwidthPolicies: "bandwidth policy",
} as const;

/** One line on what an added or removed resource is. */
function summary(kind: keyof typeof NOUNS, spec: Readonly<Record<string, unknown>>): string {
  switch (kind) {
    case "vpcs":
      return `${String(spec.cloud)} ${String(spec.region)}, account ${String(spec.account)}, ${(spec.cidrs as string[]).join(", ")}`;
    case "subnets":
      return `${String(spec.cidr)} in VPC ${String(spec.vpc)}`;
    case "peerings":
      return `${String(spec.vpc)} ↔ ${String(spec.peerVpc)}${spec.bandwidthMbps === undefined ? "" : `, ${String(spec.bandwidthMbps)} Mbps`}`;
    case "routes":
      return `via peering ${String(spec.peering)}`;
    case "bandwidthPolicies":
      return `${String(spec.limitMbps)} Mbps`;
  }
}

function resourceSection(change: TopologyChange): ChangeSection {
  const count = (c: string) => change.resources.filter((r) => r.change === c).length;
  const lines = change.resources.map((r): ChangeLine => {
    const subject = `${NOUNS[r.kind]} ${r.key}`;
    if (r.change === "changed")
      return {
        sign: "~",
        subject,
        detail: r.fields
          .map((f) => `${f.field} ${fieldValueText(f.from)} → ${fieldValueText(f.to)}`)
          .join("; "),
      };
    return { sign: r.change === "added" ? "+" : "-", subject, detail: summary(r.kind, r.spec) };
  });
  return {
    title: `Resources: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed`,
    lines,
  };
}

function flowSection(change: TopologyChange): ChangeSection {
  const gained = change.flows.filter((f) => f.flows && !f.flowed).length;
  const lost = change.flows.filter((f) => f.flowed && !f.flows).length;
  const lines = change.flows.map((f): ChangeLine => {
    const blocks = [
      ...(f.destinationsAdded.length > 0 ? [`now routes ${f.destinationsAdded.join(", ")}`] : []),
      ...(f.destinationsRemoved.length > 0 ? [`no longer routes ${f.destinationsRemoved.join(", ")}`] : []),
      ...(f.droppedAdded.length > 0
        ? [`now sends ${f.droppedAdded.join(", ")} into the peering, which ${f.to} drops (not its block)`]
        : []),
      ...(f.droppedRemoved.length > 0
        ? [`no longer sends ${f.droppedRemoved.join(", ")}, which ${f.to} dropped`]
        : []),
    ];
    const via = f.via.length > 0 ? ` (via ${f.via.join(", ")})` : "";
    const state =
      f.flows && !f.flowed
        ? `traffic flows${via}`
        : f.flowed && !f.flows
          ? `traffic no longer flows${via}`
          : f.flows
            ? `traffic still flows${via}`
            : "no traffic before or after";
    return {
      sign: f.flows === f.flowed ? "~" : f.flows ? "+" : "-",
      subject: `${f.from} → ${f.to}`,
      detail: [state, ...blocks].join("; "),
    };
  });
  return { title: `Traffic: ${plural(gained, "direction")} gained, ${lost} lost`, lines };
}

function costFigures(p: PeeringCost | undefined): string {
  if (!p) return "none";
  if (!p.priced) return "unpriced";
  const billed = p.billedMbps === undefined ? "" : `${p.billedMbps} Mbps `;
  return `${billed}${p.basis === "free" ? "free" : `${(p.perDay ?? 0).toFixed(2)}/day`}`;
}

function costSection(change: TopologyChange): ChangeSection {
  const c = change.cost;
  const lines = c.peerings.map((p): ChangeLine => {
    const sign: Sign = p.from === undefined ? "+" : p.to === undefined ? "-" : "~";
    const delta =
      p.deltaPerDay === undefined
        ? "left out of the totals (unpriced)"
        : `${signed(p.deltaPerDay)}/day, ${signed(p.deltaPerMonth ?? 0)}/month`;
    return {
      sign,
      subject: `peering ${p.peering}`,
      detail: `${costFigures(p.from)} → ${costFigures(p.to)}: ${delta}`,
    };
  });
  const unpriced = c.head.unpriced.length > 0 ? ` (+${c.head.unpriced.length} unpriced)` : "";
  return {
    title:
      `Cost (${c.currency}, planned): ${signed(c.deltaPerDay)} per day, ${signed(c.deltaPerMonth)} per month ` +
      `(${c.base.perDay.toFixed(2)}/day → ${c.head.perDay.toFixed(2)}/day${unpriced})`,
    lines,
  };
}

/** Where a diagnostic is, as `file:line:column`, when known. */
export type Locate = (d: Diagnostic) => string | undefined;

const placed = (d: Diagnostic, locate: Locate | undefined): string => {
  const at = locate?.(d);
  return at ? ` ${at}` : "";
};

const diagnosticLine = (sign: Sign, d: Diagnostic, locate?: Locate): ChangeLine => ({
  sign,
  subject: `${d.severity} ${d.code} ${renderResource(d.ref)}${placed(d, locate)}`,
  detail: d.message,
  ...(sign === "+" ? { note: `fix: ${d.fix}` } : {}),
});

/** The problems; an introduced one with its place in the head file (`locate`), where the reviewer fixes it. */
function problemSection(change: TopologyChange, locate?: Locate): ChangeSection {
  const { introduced, resolved, unchanged } = change.diagnostics;
  const errors = introduced.filter((d) => d.severity === "error").length;
  return {
    title:
      `Problems: ${introduced.length} introduced (${plural(errors, "error")}), ${resolved.length} resolved, ` +
      `${unchanged.length} unchanged`,
    lines: [
      ...introduced.map((d) => diagnosticLine("+", d, locate)),
      ...resolved.map((d) => diagnosticLine("-", d)),
    ],
  };
}

/** The change as sections, in the order a reviewer reads them. */
export function describeChange(change: TopologyChange, locate?: Locate): ChangeSection[] {
  return [resourceSection(change), flowSection(change), costSection(change), problemSection(change, locate)];
}

/** Terminal text: a heading, then each section's title and its lines indented under it. */
export function formatChangeText(base: string, head: string, sections: readonly ChangeSection[]): string {
  const out = [`${escapeText(base)} → ${escapeText(head)}`, ""];
  for (const s of sections) {
    out.push(escapeText(s.title));
    for (const l of s.lines) {
      out.push(`  ${l.sign} ${escapeText(l.subject)}: ${escapeText(l.detail)}`);
      if (l.note) out.push(`      ${escapeText(l.note)}`);
    }
    out.push("");
  }
  return out.join("\n");
}

/**
 * Text inside Markdown: escaped for the terminal first (no control character survives), then every character
 * CommonMark gives a meaning inside a line is backslash-escaped, so an id like `a|b` or `<img>` stays text in a
 * table or a list. No Markdown library renders text into Markdown source, hence these few lines.
 */
export function markdownText(text: string): string {
  return escapeText(text).replace(/[\\`*_{}[\]<>|~&#!]/g, "\\$&");
}

const MARKDOWN_SIGN: Readonly<Record<Sign, string>> = { "+": "**+**", "-": "**−**", "~": "**~**" };

/** Markdown for a pull request: a heading per section, a bullet per line. */
export function formatChangeMarkdown(base: string, head: string, sections: readonly ChangeSection[]): string {
  const out = [`### peerlink diff: ${markdownText(base)} → ${markdownText(head)}`, ""];
  for (const s of sections) {
    out.push(`**${markdownText(s.title)}**`, "");
    for (const l of s.lines) {
      out.push(`- ${MARKDOWN_SIGN[l.sign]} ${markdownText(l.subject)}: ${markdownText(l.detail)}`);
      if (l.note) out.push(`  ${markdownText(l.note)}`);
    }
    if (s.lines.length > 0) out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
