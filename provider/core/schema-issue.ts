/**
 * A schema error of the topology document as a diagnostic whose fix says what to write: the key a misspelt or
 * foreign key most likely means, what a missing field holds, the option a near-miss value meant, the list form
 * when a list was written as a map. The field meanings are field-descriptions.ts's, the ones an editor shows.
 */
import type { z } from "zod";
import { folded } from "./closest-name.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";
import { FIELD_DESCRIPTIONS, fieldPath } from "./field-descriptions.js";
import { optionFix } from "./option-fix.js";
import { refOfPath } from "./resource-ref.js";
import { routePeerBlocks } from "./route-peer-blocks.js";
import { isMissingKey, meantKey, schemaKeysAt, valueAt, withoutMendedByRename } from "./schema-keys.js";
import { shownValue } from "./shown-value.js";
import { topologySchema } from "./topology-schema.js";

/**
 * Keys other tools and the clouds' own APIs use for a field of the topology document, so a document written from
 * an API reference or from another tool's template is pointed at peerlink's key (the names that edit distance
 * alone would not find). By object path, then foreign key (folded: lower case, no `_` or `-`).
 */
const FOREIGN_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "vpcs[]": {
    // Tencent Vpc.CidrBlock, Huawei vpc.cidr, Baidu vpc cidr: one block where peerlink lists them.
    cidrblock: "cidrs",
    // The account ids of the three APIs: Tencent uin (seed 003 peerUin), Huawei tenant_id/project_id (seed 002).
    uin: "account",
    tenantid: "account",
    projectid: "account",
    accountid: "account",
  },
  "peerings[]": {
    // Huawei request_vpc_info/accept_vpc_info (seed 002), AWS-style requester/accepter, Baidu localVpcId (seed 001).
    requester: "vpc",
    requestvpc: "vpc",
    requestvpcinfo: "vpc",
    requestervpc: "vpc",
    localvpc: "vpc",
    localvpcid: "vpc",
    accepter: "peerVpc",
    acceptor: "peerVpc",
    acceptvpc: "peerVpc",
    acceptvpcinfo: "peerVpc",
    acceptervpc: "peerVpc",
    // Tencent peeringConnectionName (seed 003).
    peeringconnectionname: "name",
    bandwidth: "bandwidthMbps",
  },
  "routes[]": {
    // Tencent Route.GatewayId/GatewayType, Huawei route nexthop, and the usual words for a next hop.
    via: "peering",
    nexthop: "peering",
    gateway: "peering",
    gatewayid: "peering",
    peeringconnectionid: "peering",
    target: "peering",
    cidr: "destination",
    destinationcidr: "destination",
  },
};

function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "document" : text;
}

/** `key: what it holds`, the field's hover text, without its final stop; undefined for an undescribed field. */
function meaning(field: string): string | undefined {
  const text = FIELD_DESCRIPTIONS[field];
  if (text === undefined) return undefined;
  const key = field.slice(field.lastIndexOf(".") + 1).replace(/\[\]$/, "");
  return `${key}: ${text.replace(/\.$/, "")}`;
}

/** The key of the document's object at `path` that the unknown `key` most likely means. */
function knownKeyFor(path: readonly PropertyKey[], key: string): string | undefined {
  return FOREIGN_KEYS[fieldPath(path)]?.[folded(key)] ?? meantKey(topologySchema, path, key);
}

function unknownKeysFix(path: readonly PropertyKey[], keys: readonly string[]): string {
  const objectPath = fieldPath(path);
  const parts = keys.map((key) => {
    const meant = knownKeyFor(path, key);
    if (meant === undefined) return `remove "${key}"`;
    const what = meaning(objectPath === "" ? meant : `${objectPath}.${meant}`);
    return `rename "${key}" to "${meant}"${what ? ` (${what})` : ""}`;
  });
  const known = schemaKeysAt(topologySchema, path).filter((k) => k !== "$schema");
  const text = parts.join("; ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}. The keys here are: ${known.join(", ")}.`;
}

/** The top-level lists, and whether their items have an id (a map keyed by id then converts item by item). */
const LISTS: Readonly<Record<string, boolean>> = {
  vpcs: true,
  subnets: true,
  peerings: true,
  routes: false,
  bandwidthPolicies: false,
};

function fixFor(issue: z.core.$ZodIssue, input: unknown, path: string, field: string): string {
  const value = valueAt(input, issue.path);
  const what = meaning(field);
  const about = what ? ` ${what}.` : "";
  const name = issue.path[issue.path.length - 1];
  if (isMissingKey(issue, input))
    return `Add "${String(name)}" to ${pathText(issue.path.slice(0, -1))}.${about}`;
  if (
    issue.code === "invalid_type" &&
    issue.expected === "array" &&
    issue.path.length === 1 &&
    typeof name === "string" &&
    name in LISTS &&
    value !== null &&
    typeof value === "object"
  ) {
    return LISTS[name]
      ? `Write ${name} as a list, each item with its id: \`${name}: [{ id: ..., ... }]\`, or one \`- id: ...\` item per entry in block style; a map (keyed by id, or one item on its own) is not read.`
      : `Write ${name} as a list: \`${name}: [{ ... }]\`, or one \`- ...\` item per entry in block style, even for one item.`;
  }
  if (issue.code === "invalid_value" && typeof value === "string") {
    return optionFix(
      value,
      issue.values.filter((v): v is string => typeof v === "string"),
    );
  }
  const peer = destinationPeer(issue.path, input);
  if (peer !== undefined) {
    const given =
      Array.isArray(value) && value.length > 1 ? " One block per route: write a route for each." : "";
    return `Write one block of the peer VPC "${peer.peer}" in CIDR notation, or a block inside one (its blocks: ${peer.blocks.join(", ")}).${given}`;
  }
  return `Correct ${path}.${about || " See the topology format in the README."}`;
}

/** For a bad `routes[i].destination`: the peer VPC the route's peering leads to, and its blocks. */
function destinationPeer(path: readonly PropertyKey[], input: unknown) {
  const [list, index, key] = path;
  if (path.length !== 3 || list !== "routes" || typeof index !== "number" || key !== "destination")
    return undefined;
  return routePeerBlocks(input, index);
}

/** One schema error of the document `input` as an INVALID_DOCUMENT diagnostic. */
export function schemaIssueDiagnostic(issue: z.core.$ZodIssue, input: unknown): Diagnostic {
  const path = pathText(issue.path);
  const field = fieldPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return diagnostic(
      "INVALID_DOCUMENT",
      refOfPath(issue.path),
      `${path}: ${issue.message}.`,
      unknownKeysFix(issue.path, issue.keys),
      // An unknown key is pointed at itself (the first, when there are several), not at its object.
      { field: [issue.keys[0]!] },
    );
  }
  const missing = isMissingKey(issue, input);
  return diagnostic(
    "INVALID_DOCUMENT",
    refOfPath(issue.path),
    missing
      ? `${path}: required, but not given.`
      : `${path}: ${issue.message} (got ${shownValue(valueAt(input, issue.path))}).`,
    fixFor(issue, input, path, field),
  );
}

/**
 * Every schema error of the document as diagnostics, a misspelt key and the required field it was meant to be
 * told once: `cidr` where `cidrs` is missing is one mistake, and its fix (rename) mends both.
 */
export function schemaIssueDiagnostics(issues: readonly z.core.$ZodIssue[], input: unknown): Diagnostic[] {
  return withoutMendedByRename(issues, input, knownKeyFor).map((issue) =>
    schemaIssueDiagnostic(issue, input),
  );
}
