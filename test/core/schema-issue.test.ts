import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closestName } from "../../provider/core/closest-name.js";
import type { Diagnostic } from "../../provider/core/diagnostics.js";
import { FIELD_DESCRIPTIONS } from "../../provider/core/field-descriptions.js";
import { parseTopologyText } from "../../provider/core/index.js";
import { schemaKeysAt } from "../../provider/core/schema-keys.js";
import { topologySchema } from "../../provider/core/topology-schema.js";
import { validateDocument } from "../../provider/core/validate.js";
import { EXAMPLES } from "../support/fixtures.js";

const example = () =>
  parseTopologyText(readFileSync(join(EXAMPLES, "two-region-dr.yaml"), "utf8"), "two-region-dr.yaml") as {
    vpcs: Record<string, unknown>[];
    peerings: Record<string, unknown>[];
    routes: Record<string, unknown>[];
  };

function schemaErrors(document: unknown): Diagnostic[] {
  const { diagnostics } = validateDocument(document);
  for (const d of diagnostics) expect(d.code).toBe("INVALID_DOCUMENT");
  return [...diagnostics];
}

/** The document with `key` of the object at `list[index]` renamed to `to`, its value kept. */
function renamed(list: "vpcs" | "peerings" | "routes", index: number, key: string, to: string) {
  const doc = example();
  const item = doc[list][index]!;
  const { [key]: value, ...rest } = item;
  doc[list][index] = { ...rest, [to]: value };
  return doc;
}

describe("closestName", () => {
  it.each([
    ["peer_vpc", ["vpc", "peerVpc"], "peerVpc"],
    ["PEERVPC", ["vpc", "peerVpc"], "peerVpc"],
    ["cidr", ["cidrs", "id"], "cidrs"],
    ["bandwidth", ["bandwidthMbps", "name"], "bandwidthMbps"],
    ["destinaton", ["destination", "description"], "destination"],
    ["destiantion", ["destination", "description"], "destination"],
    ["peerVpcId", ["vpc", "peerVpc"], "peerVpc"],
    ["tencent", ["tencentcloud", "huaweicloud", "baiducloud"], "tencentcloud"],
    // A misspelt leading camelCase word: the commonest typo of all.
    ["bandwith", ["bandwidthMbps", "name"], "bandwidthMbps"],
    ["routTable", ["routeTableIds", "region"], "routeTableIds"],
    // A whole name one edit away beats a leading word one edit away.
    ["peerVcp", ["peerVpc", "peerVpcId"], "peerVpc"],
  ])("%s means %s's %s", (given, known, meant) => {
    expect(closestName(given, known)).toBe(meant);
  });

  it.each([
    ["colour", ["vpc", "peerVpc", "name"]],
    ["", ["vpc"]],
    // Two names equally close: no guess.
    ["ab", ["abc", "abd"]],
    // One letter of three is too many edits for a short name to be the same name.
    ["vxz", ["vpc"]],
    // Two names misspelt at the same leading word: no guess.
    ["bandwith", ["bandwidthMbps", "bandwidthPolicies"]],
    // Ids have no camelCase words: "vpc-x" is not the start of every "vpc-" id.
    ["vpc-x", ["vpc-gz-prod"]],
  ])("%s means none of %s", (given, known) => {
    expect(closestName(given, known)).toBeUndefined();
  });
});

describe("a schema error's fix says what to write", () => {
  it("points a misspelt key at the key it means, and does not also report that key missing", () => {
    const errors = schemaErrors(renamed("vpcs", 0, "cidrs", "cidr"));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.resource).toBe("vpcs[0]");
    expect(errors[0]!.field).toEqual(["cidr"]);
    expect(errors[0]!.fix).toContain(`Rename "cidr" to "cidrs" (cidrs: The VPC's IPv4/IPv6 blocks`);
    expect(errors[0]!.fix).toContain("The keys here are: id, cloud, region, account, cidrs,");
  });

  it("points keys from other tools and the clouds' APIs at peerlink's, every key in one fix", () => {
    const doc = example();
    const { vpc, peerVpc, ...rest } = doc.peerings[0]!;
    doc.peerings[0] = { ...rest, requester: vpc, accept_vpc_info: peerVpc };
    const { peering, ...route } = doc.routes[0]!;
    doc.routes[0] = { ...route, via: peering };
    const errors = schemaErrors(doc);
    expect(errors.map((e) => e.resource)).toEqual(["peerings[0]", "routes[0]"]);
    expect(errors[0]!.fix).toMatch(
      /^Rename "requester" to "vpc" \(vpc: .*\); rename "accept_vpc_info" to "peerVpc" /,
    );
    expect(errors[1]!.fix).toMatch(
      /^Rename "via" to "peering" \(peering: The id of the peering that is the next hop\)/,
    );
  });

  it("names the peer VPC's blocks for a destination that is no block, as the document gives them", () => {
    const doc = example();
    doc.routes[0] = { ...doc.routes[0], destination: ["10.1.0.0/16", "10.2.0.0/16"] };
    doc.routes[3] = { ...doc.routes[3], destination: 10 };
    const errors = schemaErrors(doc);
    expect(errors.map((e) => [e.resource, e.fix])).toEqual([
      [
        "routes[0].destination",
        'Write one block of the peer VPC "vpc-bj" in CIDR notation, or a block inside one (its blocks: 10.1.0.0/16, 10.2.0.0/16). One block per route: write a route for each.',
      ],
      [
        "routes[3].destination",
        'Write one block of the peer VPC "vpc-gz" in CIDR notation, or a block inside one (its blocks: 10.0.0.0/16).',
      ],
    ]);
  });

  it("describes the destination instead when the document does not say where the route's peering leads", () => {
    const doc = example();
    doc.routes[0] = { ...doc.routes[0], peering: "no-such-peering", destination: 10 };
    const [error] = schemaErrors(doc);
    expect(error!.fix).toBe(
      `Correct routes[0].destination. destination: ${FIELD_DESCRIPTIONS["routes[].destination"]}`,
    );
  });

  it("says to remove a key that means nothing here, and still reports what is missing", () => {
    const errors = schemaErrors(renamed("routes", 0, "peering", "colour"));
    expect(errors.map((e) => [e.resource, e.message])).toEqual([
      ["routes[0]", 'routes[0]: Unrecognized key: "colour".'],
      ["routes[0].peering", "routes[0].peering: required, but not given."],
    ]);
    expect(errors[0]!.fix).toMatch(/^Remove "colour"\. The keys here are: vpc, routeTable,/);
    expect(errors[1]!.fix).toBe(
      `Add "peering" to routes[0]. peering: ${FIELD_DESCRIPTIONS["routes[].peering"]}`,
    );
  });

  it("says to add a missing field whatever zod calls it (a union's 'Invalid input' too)", () => {
    const doc = example();
    delete doc.vpcs[1]!.account;
    const [error] = schemaErrors(doc);
    expect(error!.message).toBe("vpcs[1].account: required, but not given.");
    expect(error!.fix).toMatch(/^Add "account" to vpcs\[1\]\. account: The account: Tencent uin/);
  });

  it("names the option a near-miss value meant, and lists the options either way", () => {
    const doc = example();
    doc.vpcs[0]!.cloud = "tencent";
    doc.peerings[0]!.chargeType = "monthly";
    const errors = schemaErrors(doc);
    const cloud = errors.find((e) => e.resource === "vpcs[0].cloud");
    const charge = errors.find((e) => e.resource === "peerings[0].chargeType");
    expect(charge!.fix).toMatch(/^Use one of "POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"/);
    expect(cloud!.message).toContain('(got "tencent")');
    expect(cloud!.fix).toBe(
      'Use "tencentcloud" (the options are "tencentcloud", "huaweicloud", "baiducloud").',
    );
  });

  it("shows the list form when a list is written as a map keyed by id", () => {
    const doc = example() as Record<string, unknown>;
    doc.vpcs = Object.fromEntries(example().vpcs.map(({ id, ...vpc }) => [id, vpc]));
    doc.routes = { first: example().routes[0] };
    const errors = schemaErrors(doc);
    expect(errors.map((e) => e.resource)).toEqual(["vpcs", "routes"]);
    expect(errors[0]!.fix).toMatch(
      /^Write vpcs as a list, each item with its id: `vpcs: \[\{ id: \.\.\., \.\.\. \}\]`/,
    );
    expect(errors[1]!.fix).toMatch(/^Write routes as a list: .*, even for one item\.$/);
  });

  it("quotes the field's meaning when a value is wrong", () => {
    const doc = example();
    doc.peerings[0]!.description = 7;
    const [error] = schemaErrors(doc);
    expect(error!.fix).toBe(
      `Correct peerings[0].description. description: ${FIELD_DESCRIPTIONS["peerings[].description"]}`,
    );
  });

  // Every key of every object, with one letter doubled or dropped, two swapped, or in snake_case: the fix names that key.
  it("finds each field of the document from a one-letter typo or its snake_case spelling", () => {
    const missed: string[] = [];
    const parents = [
      [],
      ["vpcs", 0],
      ["subnets", 0],
      ["peerings", 0],
      ["routes", 0],
      ["bandwidthPolicies", 0],
    ];
    for (const parent of parents) {
      const keys = schemaKeysAt(topologySchema, parent).filter((k) => k !== "$schema");
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const typos = new Set<string>([key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]);
        for (let i = 0; i < key.length; i++) typos.add(key.slice(0, i) + key[i] + key.slice(i));
        if (key.length >= 5)
          for (let i = 1; i < key.length; i++) typos.add(key.slice(0, i) + key.slice(i + 1));
        for (let i = 1; i < key.length - 1; i++)
          typos.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
        typos.delete(key);
        for (const typo of typos)
          if (closestName(typo, keys) !== key) missed.push(`${parent.join(".")} ${typo}→${key}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
