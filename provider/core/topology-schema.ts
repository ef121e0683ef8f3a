/**
 * The topology document: what the YAML/JSON file holds and what the Pulumi and CDKTF front ends build in code.
 * Objects are strict, so a misspelt key (`peerVPC`) is an error instead of a silently ignored field.
 */
import { z } from "zod";

/** Wire strings of the clouds, as their APIs and Terraform providers spell them. */
export const CLOUDS = ["tencentcloud", "huaweicloud", "baiducloud"] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * Tencent charge types (API 3.0 `ChargeType`): daily peak, monthly 95th percentile (seed 000 "计费模式").
 * Baidu `billing.paymentTiming` (seed 001): Postpaid, Prepaid.
 */
export const CHARGE_TYPES = ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95", "Postpaid", "Prepaid"] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

/** Tencent service levels (seed 000 "白金、金、银"; API `QosLevel` PT/AU/AG). */
export const SERVICE_LEVELS = ["platinum", "gold", "silver"] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

const id = z.string().min(1, "must be a non-empty string");
/** Account ids are numeric on Tencent (uin); YAML users often leave them unquoted. */
const account = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((v) => String(v));

/**
 * A peering's state as read from the cloud (`peerlink discover`), with the same wire names as the Backend's
 * PeeringStatus. Declared documents leave it out: a declared peering is one that should be ACTIVE.
 */
export const OBSERVED_PEERING_STATUSES = [
  "CREATING",
  "PENDING",
  "ACCEPTING",
  "ACTIVE",
  "REJECTED",
  "EXPIRED",
  "DELETED",
] as const;
export type ObservedPeeringStatus = (typeof OBSERVED_PEERING_STATUSES)[number];

const timestamp = z.iso.datetime({ offset: true });

export const vpcSchema = z
  .strictObject({
    id,
    cloud: z.enum(CLOUDS),
    region: z.string().min(1),
    account,
    cidrs: z.array(z.string()),
    /**
     * IPv6 blocks the cloud assigned the VPC (Huawei and Tencent assign IPv6 themselves, so they are never
     * declared in `cidrs`): read back from the cloud, they are the VPC's blocks for routes and overlaps, and are
     * not judged as declared blocks (CIDR_NOT_ALLOWED). @default []
     */
    assignedIpv6Cidrs: z.array(z.string()).optional(),
    /** Extra route tables; every VPC also has its main table, which routes use when `routeTable` is omitted. */
    routeTables: z.array(id).optional(),
    name: z.string().optional(),
    /**
     * false: a discovered peer VPC of another account the credentials cannot read (the far side of a
     * cross-account peering). Its id, region and account come from the peering; its blocks and routes are
     * unknown, so `cidrs` may be empty and the rules that need them skip it. @default true
     */
    visible: z.boolean().optional(),
  })
  .superRefine((vpc, ctx) => {
    if (vpc.cidrs.length === 0 && vpc.visible !== false)
      ctx.addIssue({ code: "custom", path: ["cidrs"], message: "a VPC needs at least one CIDR block" });
  });

export const peeringSchema = z.strictObject({
  id,
  /** @default the peering's id */
  name: z.string().optional(),
  description: z.string().optional(),
  vpc: id,
  peerVpc: id,
  bandwidthMbps: z.number().optional(),
  chargeType: z.enum(CHARGE_TYPES).optional(),
  serviceLevel: z.enum(SERVICE_LEVELS).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  /** The live state, written by `peerlink discover`. @default ACTIVE (what a declared peering should be) */
  status: z.enum(OBSERVED_PEERING_STATUSES).optional(),
  /** When the cloud created the request (discovered documents). */
  createdAt: timestamp.optional(),
  /** When a PENDING request expires, where the cloud says (discovered documents). */
  expiresAt: timestamp.optional(),
});

export const routeSchema = z.strictObject({
  vpc: id,
  /** @default the VPC's main route table */
  routeTable: id.optional(),
  destination: z.string(),
  peering: id,
  description: z.string().optional(),
});

export const bandwidthPolicySchema = z.strictObject({
  peering: id,
  /** The VPC the IP belongs to. @default the peering's requester VPC (`vpc`) */
  vpc: id.optional(),
  ip: z.string(),
  /** A positive whole number of Mbps (checked by the BANDWIDTH_POLICY_INVALID rule, which says so with a fix). */
  limitMbps: z.number(),
});

/**
 * A subnet of a declared VPC, judged by the subnet rules every layer asks (core subnet-rules.ts, rulebook
 * `subnets`): inside the VPC's blocks, clear of the subnets declared before it in the same VPC (in document order,
 * as a cloud creates them), no longer a mask than the cloud allows, IPv6 only where the cloud assigns it at creation.
 */
export const subnetSchema = z.strictObject({
  id,
  vpc: id,
  /** The IPv4 block, canonical (`10.0.1.0/24`). */
  cidr: z.string(),
  /** @default the subnet's id */
  name: z.string().optional(),
  /** Ask the cloud for an IPv6 block at creation (Huawei `ipv6_enable`, Baidu `enableIpv6`). @default false */
  ipv6: z.boolean().optional(),
  /** The gateway (Huawei `gateway_ip`). @default the block's first host */
  gatewayIp: z.string().optional(),
});

export const topologySchema = z.strictObject({
  /** The JSON Schema an editor checks a JSON file against (`topology.schema.json`); peerlink ignores it. */
  $schema: z.string().optional(),
  vpcs: z.array(vpcSchema).default([]),
  /** Optional in the parsed type too: the front ends build documents in code, and most declare no subnet. */
  subnets: z.array(subnetSchema).optional(),
  peerings: z.array(peeringSchema).default([]),
  routes: z.array(routeSchema).default([]),
  bandwidthPolicies: z.array(bandwidthPolicySchema).default([]),
});

export type VpcSpec = z.infer<typeof vpcSchema>;
export type PeeringSpec = z.infer<typeof peeringSchema>;
export type SubnetSpec = z.infer<typeof subnetSchema>;
export type RouteSpec = z.infer<typeof routeSchema>;
export type BandwidthPolicySpec = z.infer<typeof bandwidthPolicySchema>;
export type TopologyDocument = z.infer<typeof topologySchema>;
/** What a front end may pass: the same shape with defaults and the account coercion not yet applied. */
export type TopologyInput = z.input<typeof topologySchema>;
