import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ArgumentShape,
  argumentProblems,
  listOf,
  mapOf,
  object,
  oneOf,
  requiredValue,
  type ShapeOf,
  typed,
  unknownArgumentText,
  value,
} from "../../provider/core/argument-keys.js";

const SITE = { vpcId: requiredValue, region: value, cidrs: value, provider: value } as const;
const SHAPE: ArgumentShape = {
  primary: object(SITE),
  standby: object(SITE),
  bandwidthMbps: value,
  bandwidthPolicies: listOf({ ip: requiredValue, limitMbps: value }),
  spokes: mapOf(SITE),
};

const site = { vpcId: "vpc-1", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] };

describe("argumentProblems", () => {
  it("finds nothing in arguments that use only the shape's keys", () => {
    expect(
      argumentProblems(
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
    const [found, ...rest] = argumentProblems(
      { primary: site, standby: site, bandwith: 200 },
      SHAPE,
      "dr",
      "TwoRegionDr",
    );
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      code: "INVALID_ARGUMENT",
      severity: "error",
      resource: "dr",
      field: ["bandwith"],
      message: 'TwoRegionDr "dr" has no argument bandwith, so it would be ignored.',
      // bandwidthMbps and bandwidthPolicies both start with "bandwidth": no guess between them, the list shows both.
      fix: "Remove bandwith, or correct its spelling. TwoRegionDr takes: primary, standby, bandwidthMbps, bandwidthPolicies, spokes.",
    });
    const [peering] = argumentProblems(
      { bandwith: 200 },
      { bandwidthMbps: value, name: value },
      "p",
      "Peering",
    );
    expect(peering!.fix).toBe("Rename bandwith to bandwidthMbps. Peering takes: bandwidthMbps, name.");
  });

  it("reports every unknown key at once, at every depth the shape describes", () => {
    const found = argumentProblems(
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

  it("takes no inherited name for an argument (valueOf, constructor, toString)", () => {
    const found = argumentProblems({ valueOf: 1, constructor: 2, toString: 3 }, SHAPE, "dr", "TwoRegionDr");
    expect(found.map((d) => d.field)).toEqual([["valueOf"], ["constructor"], ["toString"]]);
  });

  it("leaves an undefined value alone (what a spread of optional settings gives)", () => {
    expect(argumentProblems({ primary: site, nope: undefined }, SHAPE, "dr", "TwoRegionDr")).toEqual([]);
  });

  it("does not look inside values that are not plain objects (constructs, Outputs, tokens)", () => {
    class Provider {
      readonly alias = "bj";
      readonly anything = 1;
    }
    const output = Object.create({ apply() {} }) as Record<string, unknown>;
    output.whatever = 1;
    expect(
      argumentProblems(
        { primary: { ...site, provider: new Provider() }, standby: output, spokes: [site] },
        SHAPE,
        "dr",
        "TwoRegionDr",
      ),
    ).toEqual([]);
  });

  it("accepts a key of the map's own choosing, but not an unknown key inside its value", () => {
    expect(argumentProblems({ spokes: { "any-name_1": site } }, SHAPE, "hub", "HubAndSpoke")).toEqual([]);
    expect(
      argumentProblems({ spokes: { x: { ...site, cidr: [] } } }, SHAPE, "hub", "HubAndSpoke").map(
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
          const found = argumentProblems(args, SHAPE, "dr", "TwoRegionDr");
          // Sorted: an integer-like key comes first in an object whatever order it was added in.
          expect(found.map((d) => d.field![0]).sort()).toEqual([...extra].sort());
        },
      ),
    );
  });
});

describe("argumentProblems: required arguments", () => {
  it("reports a required argument left out, at any depth, after the unknown ones", () => {
    const found = argumentProblems(
      {
        primary: { region: "ap-guangzhou" },
        bandwidthPolicies: [{ limitMbps: 5 }],
        spokes: { a: { cidrs: [] } },
        colour: "blue",
      },
      SHAPE,
      "dr",
      "TwoRegionDr",
    );
    expect(found.map((d) => [d.field, d.message])).toEqual([
      [["primary", "vpcId"], 'TwoRegionDr "dr" needs primary.vpcId, which is not given.'],
      [["bandwidthPolicies", 0, "ip"], 'TwoRegionDr "dr" needs bandwidthPolicies[0].ip, which is not given.'],
      [["spokes", "a", "vpcId"], 'TwoRegionDr "dr" needs spokes.a.vpcId, which is not given.'],
      [["colour"], 'TwoRegionDr "dr" has no argument colour, so it would be ignored.'],
    ]);
    expect(found[0]!.fix).toBe("Give primary.vpcId. primary takes: vpcId, region, cidrs, provider.");
  });

  it("takes null for a required argument as not given (JavaScript's `vpc: null`)", () => {
    const found = argumentProblems({ primary: { vpcId: null } }, SHAPE, "dr", "TwoRegionDr");
    expect(found.map((d) => d.message)).toEqual([
      'TwoRegionDr "dr" needs primary.vpcId, which is not given.',
    ]);
  });

  it("tells a misspelt required key once, as a rename (the rename mends the missing key too)", () => {
    const found = argumentProblems({ primary: { vpc_id: "vpc-1" } }, SHAPE, "dr", "TwoRegionDr");
    expect(found.map((d) => d.fix.split(".")[0])).toEqual(["Rename primary"]);
  });

  it("reports every required top-level argument when there are none at all (JavaScript's missing props)", () => {
    const shape = { cloud: requiredValue, vpc: object(SITE, true), name: value };
    expect(argumentProblems(undefined, shape, "p", "Peering").map((d) => d.field)).toEqual([
      ["cloud"],
      ["vpc"],
    ]);
  });

  it("does not look into arguments that are not a plain object (a class implementing the props)", () => {
    class Props {
      readonly whatever = 1;
    }
    expect(argumentProblems(new Props(), { cloud: requiredValue }, "p", "Peering")).toEqual([]);
  });

  it("ShapeOf stops the compile when a shape misses a key, has an extra one, or gets a key's optionality wrong", () => {
    interface Props {
      readonly a: string;
      readonly b?: number;
    }
    const good = { a: requiredValue, b: value } as const satisfies ShapeOf<Props>;
    // @ts-expect-error b is missing
    const missing = { a: requiredValue } as const satisfies ShapeOf<Props>;
    // @ts-expect-error c is no key of Props
    const extra = { a: requiredValue, b: value, c: value } as const satisfies ShapeOf<Props>;
    // @ts-expect-error a is required
    const optional = { a: value, b: value } as const satisfies ShapeOf<Props>;
    // @ts-expect-error b is optional
    const required = { a: requiredValue, b: requiredValue } as const satisfies ShapeOf<Props>;
    expect([good, missing, extra, optional, required].every((shape) => "a" in shape)).toBe(true);
  });
});

describe("argumentProblems: plain types", () => {
  const PEERING = {
    bandwidthMbps: typed("number"),
    cidrs: typed("string[]"),
    meshSpokes: typed("boolean"),
    name: typed("string", true),
  };

  it("names a value of the wrong type, and gives a number read as a string its number", () => {
    const found = argumentProblems(
      { bandwidthMbps: "100", cidrs: "10.0.0.0/16", meshSpokes: "yes", name: 7 },
      PEERING,
      "p",
      "Peering",
    );
    expect(found.map((d) => [d.field, d.message, d.fix])).toEqual([
      [
        ["bandwidthMbps"],
        'Peering "p" has bandwidthMbps "100", a string, where it takes a number.',
        'Give bandwidthMbps as a number: 100, not "100" (a value read from the environment or a file is a string: convert it with Number()).',
      ],
      [
        ["cidrs"],
        'Peering "p" has cidrs "10.0.0.0/16", a string, where it takes a list of strings.',
        'Give cidrs as a list: ["10.0.0.0/16"].',
      ],
      [
        ["meshSpokes"],
        'Peering "p" has meshSpokes "yes", a string, where it takes true or false.',
        "Give meshSpokes as true or false.",
      ],
      [["name"], 'Peering "p" has name 7, a number, where it takes a string.', "Give name as a string."],
    ]);
  });

  it("leaves null (an SDK's unset optional argument) and opaque values (tokens, Outputs) alone", () => {
    class Token {
      readonly expression = "var.x";
    }
    expect(
      argumentProblems(
        { bandwidthMbps: null, cidrs: [new Token(), "10.0.0.0/16"], name: new Token() },
        PEERING,
        "p",
        "Peering",
      ),
    ).toEqual([]);
  });

  it("ShapeOf refuses a checked type that is not the key's own, or a key that may be an Output or a construct", () => {
    interface Props {
      readonly n?: number;
      readonly vpc?: string | { readonly id: string };
    }
    const good = { n: typed("number"), vpc: value } as const satisfies ShapeOf<Props>;
    // @ts-expect-error n is a number
    const wrong = { n: typed("string"), vpc: value } as const satisfies ShapeOf<Props>;
    // @ts-expect-error vpc may be an object: its values are not judged
    const union = { n: value, vpc: typed("string") } as const satisfies ShapeOf<Props>;
    expect([good, wrong, union].every((shape) => "n" in shape)).toBe(true);
  });
});

describe("argumentProblems: words (oneOf)", () => {
  const CLOUDS = ["tencentcloud", "huaweicloud", "baiducloud"] as const;
  const SHAPE_WITH_WORDS = {
    cloud: oneOf(CLOUDS, true),
    sites: listOf({ cloud: oneOf(CLOUDS), side: oneOf(["primary", "standby"]) }),
  };

  it("names a word that is none of the key's, with the one meant, at any depth", () => {
    const found = argumentProblems(
      { cloud: "tencent", sites: [{ cloud: "huaweicloud", side: "both" }, { cloud: "Baiducloud" }] },
      SHAPE_WITH_WORDS,
      "s/p",
      "Peering",
    );
    expect(found.map((d) => [d.code, d.field, d.message, d.fix])).toEqual([
      [
        "INVALID_ARGUMENT",
        ["cloud"],
        'Peering "s/p" has cloud "tencent", which is none of the values it takes.',
        'Use "tencentcloud" (the options are "tencentcloud", "huaweicloud", "baiducloud").',
      ],
      [
        "INVALID_ARGUMENT",
        ["sites", 0, "side"],
        'Peering "s/p" has sites[0].side "both", which is none of the values it takes.',
        'Use one of "primary", "standby".',
      ],
      [
        "INVALID_ARGUMENT",
        ["sites", 1, "cloud"],
        'Peering "s/p" has sites[1].cloud "Baiducloud", which is none of the values it takes.',
        'Use "baiducloud" (the options are "tencentcloud", "huaweicloud", "baiducloud").',
      ],
    ]);
  });

  it("leaves the key's own words, tokens, Outputs and null alone, and names a value that is no string", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a CDKTF token, as Token.asString gives it
    const token = "${TfToken[TOKEN.12]}";
    const output = new (class Output {})();
    const args = { cloud: token, sites: [{ cloud: output }, { cloud: null, side: "standby" }] };
    expect(argumentProblems(args, SHAPE_WITH_WORDS, "p", "Peering")).toEqual([]);
    const found = argumentProblems({ cloud: 1 }, SHAPE_WITH_WORDS, "p", "Peering");
    expect(found.map((d) => d.message)).toEqual([
      'Peering "p" has cloud 1, a number, where it takes a string.',
    ]);
  });

  it("ShapeOf requires oneOf for a key whose type is a union of words, and only words of that union", () => {
    interface Props {
      readonly cloud: "a" | "b";
      readonly name?: string;
    }
    const good = { cloud: oneOf(["a", "b"], true), name: typed("string") } as const satisfies ShapeOf<Props>;
    // @ts-expect-error "c" is no word of cloud
    const other = { cloud: oneOf(["a", "c"], true), name: typed("string") } as const satisfies ShapeOf<Props>;
    // @ts-expect-error cloud takes words only: a plain string check would let "tencent" through
    const plain = { cloud: typed("string", true), name: typed("string") } as const satisfies ShapeOf<Props>;
    // @ts-expect-error name is any string: it has no words
    const words = { cloud: oneOf(["a", "b"], true), name: oneOf(["x"]) } as const satisfies ShapeOf<Props>;
    expect([good, other, plain, words].every((shape) => "cloud" in shape)).toBe(true);
  });
});

describe("unknownArgumentText", () => {
  it("gives no guess between two keys equally close, and names a resource without a name by its kind only", () => {
    const { message, fix } = unknownArgumentText({
      kind: "Peering",
      name: undefined,
      path: [],
      key: "nam",
      known: ["name1", "name2"],
    });
    expect(message).toBe("Peering has no argument nam, so it would be ignored.");
    expect(fix).toBe("Remove nam, or correct its spelling. Peering takes: name1, name2.");
  });
});
