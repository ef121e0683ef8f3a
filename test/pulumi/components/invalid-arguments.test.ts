/**
 * The Pulumi DR components refuse an argument they do not have (a JavaScript program's `bandwith`, a site's
 * `regoin`) with INVALID_ARGUMENT before they plan or create anything; the same arguments without it build.
 */
import { describe, expect, it, vi } from "vitest";
import { TopologyValidationError } from "../../../provider/core/errors.js";
import { installMocks, settle } from "./pulumi-mocks.js";

vi.mock("../../../provider/pulumi/dynamic-provider.js", () => ({
  dynamicProvider: (kind: string) => ({ check: async () => ({ inputs: { kind } }) }),
}));

const registered = await installMocks();
const { HubAndSpoke, TwoRegionDr, TwoRegionsThreeCenters } = await import(
  "../../../provider/pulumi/components/index.js"
);

const gz = { vpc: "vpc-gz", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"], account: "100001" };
const sh = { vpc: "vpc-sh", region: "ap-guangzhou", cidrs: ["10.2.0.0/16"], account: "100001" };
const bj = { vpc: "vpc-bj", region: "ap-beijing", cidrs: ["10.1.0.0/16"], account: "100001" };

const CASES: [
  string,
  (name: string, extra: Record<string, unknown>) => unknown,
  Record<string, unknown>,
  string,
][] = [
  [
    "TwoRegionDr",
    (name, extra) => new TwoRegionDr(name, { primary: gz, standby: bj, bandwidthMbps: 100, ...extra }),
    { standby: { ...bj, regoin: "ap-beijing" } },
    "Rename standby.regoin to standby.region.",
  ],
  [
    "TwoRegionsThreeCenters",
    (name, extra) =>
      new TwoRegionsThreeCenters(name, { production: gz, backup: sh, dr: bj, bandwidthMbps: 100, ...extra }),
    { additionalRoutes: [{ from: "dr", destination: "10.0.1.0/24", via: "production-dr", routeTabel: "x" }] },
    "Rename additionalRoutes[0].routeTabel to additionalRoutes[0].routeTable.",
  ],
  [
    "HubAndSpoke",
    (name, extra) => new HubAndSpoke(name, { hub: gz, spokes: { bj }, bandwidthMbps: 100, ...extra }),
    { meshSpoke: true },
    "Rename meshSpoke to meshSpokes.",
  ],
];

describe("Pulumi DR components refuse an argument they do not have", () => {
  it.each(CASES)("%s: the arguments without it build", async (kind, build) => {
    await settle(build(`ok-${kind}`, {}) as never);
    expect(registered.some((r) => r.name.startsWith(`ok-${kind}-`))).toBe(true);
  });

  it.each(CASES)(
    "%s: throws INVALID_ARGUMENT naming the key meant, and creates nothing",
    async (kind, build, extra, fix) => {
      let thrown: unknown;
      try {
        build(`typo-${kind}`, extra);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TopologyValidationError);
      const error = thrown as TopologyValidationError;
      expect(error.diagnostics.map((d) => [d.code, d.resource])).toEqual([
        ["INVALID_ARGUMENT", `typo-${kind}`],
      ]);
      expect(error.message).toContain(
        `[typo-${kind}] INVALID_ARGUMENT ${kind} "typo-${kind}" has no argument `,
      );
      expect(error.diagnostics[0]!.fix).toContain(fix);
      // Children register in later turns than the component (settle's wait): none comes.
      await settle();
      expect(registered.some((r) => r.name === `typo-${kind}`)).toBe(true);
      expect(registered.some((r) => r.name.startsWith(`typo-${kind}-`))).toBe(false);
    },
  );

  it("a number given as a string is named with its number, before anything is planned", () => {
    expect(
      () => new TwoRegionDr("typed", { primary: gz, standby: bj, bandwidthMbps: "200" } as never),
    ).toThrow(
      '[typed] INVALID_ARGUMENT TwoRegionDr "typed" has bandwidthMbps "200", a string, where it takes a number. Fix: Give bandwidthMbps as a number: 200',
    );
  });

  it("a site left out is named, not a TypeError", () => {
    let thrown: unknown;
    try {
      new TwoRegionDr("no-standby", { primary: gz, bandwidthMbps: 100 } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TopologyValidationError);
    expect((thrown as Error).message).toContain(
      '[no-standby] INVALID_ARGUMENT TwoRegionDr "no-standby" needs standby, which is not given. Fix: Give standby.',
    );
  });

  it("a word that is none of a key's (a centre, a link, a cloud) is named with the one meant, not a TypeError", () => {
    // `from: "prod"` used to fail deep in the planner: Cannot read properties of undefined (reading 'drSite').
    expect(
      () =>
        new TwoRegionsThreeCenters("words", {
          production: { ...gz, cloud: "tencent" },
          backup: sh,
          dr: bj,
          bandwidthMbps: 100,
          additionalRoutes: [{ from: "prod", destination: "10.0.1.0/24", via: "production-dr" }],
        } as never),
    ).toThrow(
      [
        "peerlink found 2 error(s) in the topology:",
        '[words] INVALID_ARGUMENT TwoRegionsThreeCenters "words" has production.cloud "tencent", which is none of the values it takes. Fix: Use "tencentcloud" (the options are "tencentcloud", "huaweicloud", "baiducloud").',
        '[words] INVALID_ARGUMENT TwoRegionsThreeCenters "words" has additionalRoutes[0].from "prod", which is none of the values it takes. Fix: Use "production" (the options are "production", "backup", "dr").',
      ].join("\n"),
    );
  });

  it("a misspelt requesterOnly inside an external link is refused, not taken as a peering this stack accepts", () => {
    expect(
      () =>
        new HubAndSpoke("ext", {
          hub: gz,
          spokes: { bj },
          bandwidthMbps: 100,
          externalPeerings: { bj: { requesterOnyl: true } } as never,
        }),
    ).toThrow(
      /INVALID_ARGUMENT .*externalPeerings\.bj\.requesterOnyl[\s\S]*Rename externalPeerings\.bj\.requesterOnyl to externalPeerings\.bj\.requesterOnly\./,
    );
  });
});
