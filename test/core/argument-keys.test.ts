import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ArgumentShape,
  unknownArguments,
  unknownArgumentText,
} from "../../provider/core/argument-keys.js";

const SITE = { vpcId: true, region: true, cidrs: true, provider: true } as const;
const SHAPE: ArgumentShape = {
  primary: SITE,
  standby: SITE,
  bandwidthMbps: true,
  bandwidthPolicies: { items: { ip: true, limitMbps: true } },
  spokes: { values: SITE },
};

const site = { vpcId: "vpc-1", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] };

describe("unknownArguments", () => {
  it("finds nothing in arguments that use only the shape's keys", () => {
    expect(
      unknownArguments(
        {
          primary: site,
          standby: site,
          bandwidthMbps: 200,
          bandwidthPolicies: [{ ip: "10.0.0.1", limitMbps: 10 }],
          spokes: { a: site, b: site },
        },
        SHAPE,
        "dr",
        "TwoRegionDr",
      ),
    ).toEqual([]);
  });

  it("reports a misspelt key at the top, naming the resource, the key, the key meant and the keys there", () => {
    const [found, ...rest] = unknownArguments(
      { primary: site, standby: site, bandwith: 200 },
      SHAPE,
      "dr",
      "TwoRegionDr",
    );
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      code: "UNKNOWN_ARGUMENT",
      severity: "error",
      resource: "dr",
      field: ["bandwith"],
      message: 'TwoRegionDr "dr" has no argument bandwith, so it would be ignored.',
      // bandwidthMbps and bandwidthPolicies both start with "bandwidth": no guess between them, the list shows both.
      fix: "Remove bandwith, or correct its spelling. TwoRegionDr takes: primary, standby, bandwidthMbps, bandwidthPolicies, spokes.",
    });
    const [peering] = unknownArguments(
      { bandwith: 200 },
      { bandwidthMbps: true, name: true },
      "p",
      "Peering",
    );
    expect(peering!.fix).toBe("Rename bandwith to bandwidthMbps. Peering takes: bandwidthMbps, name.");
  });

  it("reports every unknown key at once, at every depth the shape describes", () => {
    const found = unknownArguments(
      {
        primary: { ...site, regoin: "x" },
        standby: { ...site, colour: "blue" },
        bandwidthPolicies: [
          { ip: "10.0.0.1", limitMbps: 10 },
          { ip: "10.0.0.2", limit_mbps: 5 },
        ],
        spokes: { a: { ...site, vpc_id: "vpc-2" } },
        extra: 1,
      },
      SHAPE,
      "dr",
      "TwoRegionDr",
    );
    expect(found.map((d) => [d.field, d.fix.split(".")[0]])).toEqual([
      [["primary", "regoin"], "Rename primary"],
      [["standby", "colour"], "Remove standby"],
      [["bandwidthPolicies", 1, "limit_mbps"], "Rename bandwidthPolicies[1]"],
      [["spokes", "a", "vpc_id"], "Rename spokes"],
      [["extra"], "Remove extra, or correct its spelling"],
    ]);
    expect(found[0]!.fix).toBe(
      "Rename primary.regoin to primary.region. primary takes: vpcId, region, cidrs, provider.",
    );
    expect(found[2]!.fix).toContain(
      "Rename bandwidthPolicies[1].limit_mbps to bandwidthPolicies[1].limitMbps.",
    );
    expect(found[3]!.message).toBe(
      'TwoRegionDr "dr" has no argument spokes.a.vpc_id, so it would be ignored.',
    );
  });

  it("leaves an undefined value alone (what a spread of optional settings gives)", () => {
    expect(unknownArguments({ primary: site, nope: undefined }, SHAPE, "dr", "TwoRegionDr")).toEqual([]);
  });

  it("does not look inside values that are not plain objects (constructs, Outputs, tokens)", () => {
    class Provider {
      readonly alias = "bj";
      readonly anything = 1;
    }
    const output = Object.create({ apply() {} }) as Record<string, unknown>;
    output.whatever = 1;
    expect(
      unknownArguments(
        { primary: { ...site, provider: new Provider() }, standby: output, spokes: [site] },
        SHAPE,
        "dr",
        "TwoRegionDr",
      ),
    ).toEqual([]);
  });

  it("accepts a key of the map's own choosing, but not an unknown key inside its value", () => {
    expect(unknownArguments({ spokes: { "any-name_1": site } }, SHAPE, "hub", "HubAndSpoke")).toEqual([]);
    expect(
      unknownArguments({ spokes: { x: { ...site, cidr: [] } } }, SHAPE, "hub", "HubAndSpoke").map(
        (d) => d.fix,
      ),
    ).toEqual(["Rename spokes.x.cidr to spokes.x.cidrs. spokes.x takes: vpcId, region, cidrs, provider."]);
  });

  it("finds exactly the keys added to well-formed arguments, whatever they are", () => {
    const known = new Set(Object.keys(SHAPE));
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== "__proto__"),
          { maxLength: 4 },
        ),
        (extra) => {
          const args: Record<string, unknown> = { primary: site, bandwidthMbps: 50 };
          for (const key of extra) args[key] = 1;
          const found = unknownArguments(args, SHAPE, "dr", "TwoRegionDr");
          // Sorted: an integer-like key comes first in an object whatever order it was added in.
          expect(found.map((d) => d.field![0]).sort()).toEqual([...extra].sort());
        },
      ),
    );
  });
});

describe("unknownArgumentText", () => {
  it("gives no guess between two keys equally close, and names a resource without a name by its kind only", () => {
    const { message, fix } = unknownArgumentText("Peering", undefined, [], "nam", ["name1", "name2"]);
    expect(message).toBe("Peering has no argument nam, so it would be ignored.");
    expect(fix).toBe("Remove nam, or correct its spelling. Peering takes: name1, name2.");
  });
});
