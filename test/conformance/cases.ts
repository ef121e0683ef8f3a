/**
 * The conformance table: each rule, each cloud, allowed and refused variants, and declarations that break several
 * rules at once. Every case runs through every layer (./layers.ts); a layer must reach exactly the verdict below.
 * A new rule cannot land without a row here: conformance.test.ts checks that every error code of the validators
 * has one, here or in the subnet suite (./subnets.test.ts), or a reason no apply layer can be asked it.
 *
 * Accounts are written "A" and "B"; each layer maps them onto accounts it has.
 */
import type { DiagnosticCode, TopologyInput } from "../../provider/core/index.js";
import type { Cloud } from "../../provider/core/topology-schema.js";

export interface ConformanceCase {
  readonly name: string;
  readonly cloud: Cloud;
  readonly document: TopologyInput;
  /** The error codes every layer must report, sorted; [] for a topology every layer accepts. */
  readonly refused: readonly DiagnosticCode[];
}

/** Two regions and a same-region partner per cloud, as the emulator and the backends name them. */
export const REGIONS: Readonly<Record<Cloud, { readonly main: string; readonly other: string }>> = {
  tencentcloud: { main: "ap-guangzhou", other: "ap-beijing" },
  huaweicloud: { main: "cn-east-3", other: "cn-north-4" },
  baiducloud: { main: "bj", other: "gz" },
};

/** What a valid peering needs on each cloud (Baidu: a bandwidth on every peering; Tencent: a tier cross-region). */
const BANDWIDTH: Readonly<Record<Cloud, { same?: number; cross?: number }>> = {
  tencentcloud: { cross: 100 },
  huaweicloud: {},
  baiducloud: { same: 100, cross: 100 },
};

function vpc(cloud: Cloud, id: string, cidrs: string[], region = REGIONS[cloud].main, account = "A") {
  return { id, cloud, region, account, cidrs };
}

function bandwidthOf(cloud: Cloud, cross: boolean): { bandwidthMbps?: number } {
  const value = cross ? BANDWIDTH[cloud].cross : BANDWIDTH[cloud].same;
  return value === undefined ? {} : { bandwidthMbps: value };
}

/** Two VPCs, one peering, routes both ways: the smallest DR. */
function pair(
  cloud: Cloud,
  options: {
    cross?: boolean;
    cidrs?: [string[], string[]];
    name?: string;
    /** null: no bandwidth at all. @default what the cloud needs (BANDWIDTH) */
    bandwidthMbps?: number | null;
    routes?: "both" | "none";
    chargeType?: "Postpaid" | "Prepaid";
  } = {},
): TopologyInput {
  const cross = options.cross ?? false;
  const [a, b] = options.cidrs ?? [["10.0.0.0/16"], ["10.1.0.0/16"]];
  const given = options.bandwidthMbps;
  const bandwidth =
    given === undefined ? bandwidthOf(cloud, cross) : given === null ? {} : { bandwidthMbps: given };
  return {
    vpcs: [
      vpc(cloud, "vpc-a", a),
      vpc(cloud, "vpc-b", b, cross ? REGIONS[cloud].other : REGIONS[cloud].main),
    ],
    peerings: [
      {
        id: "a-b",
        name: options.name ?? "a-b",
        vpc: "vpc-a",
        peerVpc: "vpc-b",
        ...bandwidth,
        ...(options.chargeType === undefined ? {} : { chargeType: options.chargeType }),
      },
    ],
    routes:
      options.routes === "none"
        ? []
        : [
            { vpc: "vpc-a", destination: b[0]!, peering: "a-b" },
            { vpc: "vpc-b", destination: a[0]!, peering: "a-b" },
          ],
  };
}

const CLOUDS: readonly Cloud[] = ["tencentcloud", "huaweicloud", "baiducloud"];

/**
 * A pair whose vpc-a main table holds `n` routes into vpc-b (one /24 each; vpc-b's block is a /16, so up to 256),
 * and vpc-b its one route back.
 */
function routeTableOf(cloud: Cloud, n: number): TopologyInput {
  const base = pair(cloud, { routes: "none" });
  return {
    ...base,
    routes: [
      { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "a-b" },
      ...Array.from({ length: n }, (_, i) => ({
        vpc: "vpc-a",
        destination: `10.1.${i}.0/24`,
        peering: "a-b",
      })),
    ],
  };
}

/** Three VPCs of one region: a-b and b-c peered, each with its routes both ways (a hub at b). */
function chain(cloud: Cloud): TopologyInput {
  const bandwidth = bandwidthOf(cloud, false);
  return {
    vpcs: [
      vpc(cloud, "vpc-a", ["10.0.0.0/16"]),
      vpc(cloud, "vpc-b", ["10.1.0.0/16"]),
      vpc(cloud, "vpc-c", ["10.2.0.0/16"]),
    ],
    peerings: [
      { id: "a-b", name: "a-b", vpc: "vpc-a", peerVpc: "vpc-b", ...bandwidth },
      { id: "b-c", name: "b-c", vpc: "vpc-b", peerVpc: "vpc-c", ...bandwidth },
    ],
    routes: [
      { vpc: "vpc-a", destination: "10.1.0.0/16", peering: "a-b" },
      { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "a-b" },
      { vpc: "vpc-b", destination: "10.2.0.0/16", peering: "b-c" },
      { vpc: "vpc-c", destination: "10.1.0.0/16", peering: "b-c" },
    ],
  };
}

/** A hub VPC peered (same region, no routes) with `n` spokes. */
function hubOf(cloud: Cloud, n: number): TopologyInput {
  const bandwidth = bandwidthOf(cloud, false);
  const spokes = Array.from({ length: n }, (_, i) => vpc(cloud, `spoke-${i}`, [`10.${i + 1}.0.0/16`]));
  return {
    vpcs: [vpc(cloud, "hub", ["10.0.0.0/16"]), ...spokes],
    peerings: spokes.map((s) => ({
      id: `hub-${s.id}`,
      name: `hub-${s.id}`,
      vpc: "hub",
      peerVpc: s.id,
      ...bandwidth,
    })),
  };
}

export const CASES: readonly ConformanceCase[] = [
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: same-region DR is accepted`,
    cloud,
    document: pair(cloud),
    refused: [],
  })),
  // Issue 12: Huawei peerings connect VPCs of one region only; Tencent and Baidu peerings may cross regions.
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: two-region DR`,
    cloud,
    document: pair(cloud, { cross: true }),
    refused: cloud === "huaweicloud" ? (["CROSS_REGION_UNSUPPORTED"] as const) : [],
  })),
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: overlapping peers`,
    cloud,
    document: pair(cloud, { cidrs: [["10.0.0.0/16"], ["10.0.128.0/17"]], routes: "none" }),
    refused: ["CIDR_OVERLAP"] as const,
  })),
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: route to a block outside the peer`,
    cloud,
    document: {
      ...pair(cloud, { routes: "none" }),
      routes: [{ vpc: "vpc-a", destination: "10.9.0.0/16", peering: "a-b" }],
    },
    refused: ["ROUTE_DESTINATION_NOT_IN_PEER"] as const,
  })),
  // Issue 15, rulebook ipv6PeeringRoutes: Huawei documents IPv6 destinations through a peering, Tencent and Baidu
  // none. No layer here can give a VPC an IPv6 block (the clouds assign them; a document says so with
  // assignedIpv6Cidrs, a backend-made VPC has none), so the destination is outside the peer everywhere, and only
  // the clouds without IPv6 peering routes add IPV6_PEERING_UNSUPPORTED.
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: an IPv6 route through a peering`,
    cloud,
    document: {
      ...pair(cloud, { routes: "none" }),
      routes: [
        { vpc: "vpc-b", destination: "10.0.0.0/16", peering: "a-b" },
        { vpc: "vpc-a", destination: "240e:22::/64", peering: "a-b" },
      ],
    },
    refused:
      cloud === "huaweicloud"
        ? (["ROUTE_DESTINATION_NOT_IN_PEER"] as const)
        : (["IPV6_PEERING_UNSUPPORTED", "ROUTE_DESTINATION_NOT_IN_PEER"] as const),
  })),
  {
    name: "tencentcloud: cross-region bandwidth off the tiers",
    cloud: "tencentcloud",
    document: pair("tencentcloud", { cross: true, bandwidthMbps: 30 }),
    refused: ["INVALID_BANDWIDTH"],
  },
  {
    name: "tencentcloud: one declaration, two rules (overlap and a bandwidth off the tiers)",
    cloud: "tencentcloud",
    document: pair("tencentcloud", {
      cross: true,
      bandwidthMbps: 30,
      cidrs: [["10.0.0.0/16"], ["10.0.0.0/24"]],
      routes: "none",
    }),
    refused: ["CIDR_OVERLAP", "INVALID_BANDWIDTH"],
  },
  {
    // Rules the Huawei backend can judge before any call (it cannot see a peer VPC of another region, so an
    // overlap with one is the engine's to find, as in the Tencent row above).
    name: "huaweicloud: one declaration, two rules (cross-region and a 65-character name)",
    cloud: "huaweicloud",
    document: pair("huaweicloud", { cross: true, name: "n".repeat(65), routes: "none" }),
    refused: ["CROSS_REGION_UNSUPPORTED", "INVALID_NAME"],
  },
  {
    name: "huaweicloud: name of 64 characters",
    cloud: "huaweicloud",
    document: pair("huaweicloud", { name: "n".repeat(64) }),
    refused: [],
  },
  {
    name: "baiducloud: no bandwidth (required on every peering)",
    cloud: "baiducloud",
    document: pair("baiducloud", { bandwidthMbps: null }),
    refused: ["INVALID_BANDWIDTH"],
  },
  {
    name: "baiducloud: same-region peering billed Prepaid (same-region takes Postpaid only)",
    cloud: "baiducloud",
    document: pair("baiducloud", { chargeType: "Prepaid" }),
    refused: ["INVALID_CHARGE_TYPE"],
  },
  {
    name: "baiducloud: same-region peering billed Postpaid",
    cloud: "baiducloud",
    document: pair("baiducloud", { chargeType: "Postpaid" }),
    refused: [],
  },
  ...(["tencentcloud", "huaweicloud"] as const).map((cloud) => ({
    name: `${cloud}: VPC block outside the cloud's documented ranges`,
    cloud,
    document: pair(cloud, { cidrs: [["100.64.0.0/16"], ["10.1.0.0/16"]] }),
    refused: ["CIDR_NOT_ALLOWED"] as const,
  })),
  // Issue 12: the per-route-table quota (Huawei "a maximum of 200 routes by default", VPC FAQ vpc_faq_0063).
  {
    name: "huaweicloud: 200 routes in one route table (the quota)",
    cloud: "huaweicloud",
    document: routeTableOf("huaweicloud", 200),
    refused: [],
  },
  {
    name: "huaweicloud: 201 routes in one route table",
    cloud: "huaweicloud",
    document: routeTableOf("huaweicloud", 201),
    refused: ["ROUTE_LIMIT_EXCEEDED"],
  },
  // Baidu: "Each VPC has a maximum of 50 route table entries by default" (one route table per VPC).
  {
    name: "baiducloud: 50 routes in the VPC's route table (the quota)",
    cloud: "baiducloud",
    document: routeTableOf("baiducloud", 50),
    refused: [],
  },
  {
    name: "baiducloud: 51 routes in the VPC's route table",
    cloud: "baiducloud",
    document: routeTableOf("baiducloud", 51),
    refused: ["ROUTE_LIMIT_EXCEEDED"],
  },
  {
    name: "tencentcloud: name over 60 characters",
    cloud: "tencentcloud",
    document: pair("tencentcloud", { name: "n".repeat(61) }),
    refused: ["INVALID_NAME"],
  },
  {
    name: "tencentcloud: name of 60 characters",
    cloud: "tencentcloud",
    document: pair("tencentcloud", { name: "n".repeat(60) }),
    refused: [],
  },
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: a VPC peered with itself`,
    cloud,
    document: {
      vpcs: [vpc(cloud, "vpc-a", ["10.0.0.0/16"])],
      peerings: [{ id: "a-a", name: "a-a", vpc: "vpc-a", peerVpc: "vpc-a", ...bandwidthOf(cloud, false) }],
    },
    refused: ["SELF_PEERING"] as const,
  })),
  ...CLOUDS.map((cloud) => {
    const base = pair(cloud, { routes: "none" });
    return {
      name: `${cloud}: a second peering of the same two VPCs, the other way round`,
      cloud,
      document: {
        ...base,
        peerings: [
          ...(base.peerings ?? []),
          { id: "b-a", name: "b-a", vpc: "vpc-b", peerVpc: "vpc-a", ...bandwidthOf(cloud, false) },
        ],
      },
      refused: ["DUPLICATE_PEERING"] as const,
    };
  }),
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: three VPCs peered in a chain, routes both ways on each peering`,
    cloud,
    document: chain(cloud),
    refused: [],
  })),
  ...CLOUDS.map((cloud) => {
    const base = chain(cloud);
    return {
      name: `${cloud}: a route to the far end of a chain through the middle (peering is never transitive)`,
      cloud,
      document: {
        ...base,
        routes: [...(base.routes ?? []), { vpc: "vpc-a", destination: "10.2.0.0/16", peering: "a-b" }],
      },
      refused: ["TRANSITIVE_ROUTE"] as const,
    };
  }),
  ...CLOUDS.map((cloud) => {
    const base = chain(cloud);
    return {
      name: `${cloud}: a route in a VPC that is not on the peering it names`,
      cloud,
      document: {
        ...base,
        routes: [...(base.routes ?? []), { vpc: "vpc-c", destination: "10.0.0.0/16", peering: "a-b" }],
      },
      refused: ["ROUTE_NOT_ON_PEERING"] as const,
    };
  }),
  ...CLOUDS.map((cloud) => {
    const base = pair(cloud);
    return {
      name: `${cloud}: the same destination twice in one route table`,
      cloud,
      document: {
        ...base,
        routes: [...(base.routes ?? []), { vpc: "vpc-a", destination: "10.1.0.0/16", peering: "a-b" }],
      },
      refused: ["ROUTE_CONFLICT"] as const,
    };
  }),
  ...(["tencentcloud", "baiducloud"] as const).map((cloud) => ({
    name: `${cloud}: 10 peerings on one VPC (the quota)`,
    cloud,
    document: hubOf(cloud, 10),
    refused: [],
  })),
  ...(["tencentcloud", "baiducloud"] as const).map((cloud) => ({
    name: `${cloud}: 11 peerings on one VPC`,
    cloud,
    document: hubOf(cloud, 11),
    refused: ["PEERING_LIMIT_EXCEEDED"] as const,
  })),
  ...CLOUDS.map((cloud) => ({
    name: `${cloud}: a VPC block with host bits set`,
    cloud,
    document: pair(cloud, { cidrs: [["10.0.0.1/16"], ["10.1.0.0/16"]], routes: "none" }),
    refused: ["INVALID_CIDR"] as const,
  })),
  {
    name: "tencentcloud: two cross-region peers whose blocks overlap each other",
    cloud: "tencentcloud",
    document: {
      vpcs: [
        vpc("tencentcloud", "vpc-a", ["10.0.0.0/16"]),
        vpc("tencentcloud", "vpc-b", ["10.1.0.0/16"], REGIONS.tencentcloud.other),
        vpc("tencentcloud", "vpc-c", ["10.1.128.0/17"], "ap-shanghai"),
      ],
      peerings: [
        { id: "a-b", name: "a-b", vpc: "vpc-a", peerVpc: "vpc-b", bandwidthMbps: 100 },
        { id: "a-c", name: "a-c", vpc: "vpc-a", peerVpc: "vpc-c", bandwidthMbps: 100 },
      ],
    },
    refused: ["PEER_CIDR_CONFLICT"],
  },
];
