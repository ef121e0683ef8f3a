/**
 * Tencent Cloud's peering rules. Seed 000 is the VPC peering product guide; seed 003 the
 * CreateVpcPeeringConnectionEx API page. Entries the seeds do not cover cite Tencent's public documentation.
 */
import type { Citation, CloudRulebook } from "./types.js";

const SEED_000 = "seeds/000_85f1307d28a3ea41.txt";
const seed000 = (quote: string): Citation => ({
  title: "seed 000: Tencent Cloud VPC peering product guide",
  url: SEED_000,
  quote,
});
const seed003 = (quote: string): Citation => ({
  title: "seed 003: Tencent Cloud CreateVpcPeeringConnectionEx",
  url: "seeds/003_cf2b207b41f40f4f.txt",
  quote,
});

const QUICK_START = (quote: string): Citation => ({
  title: "腾讯云 私有网络 快速入门: 快速搭建 IPv4 私有网络 (新建 VPC, IPv4 CIDR)",
  url: "https://cloud.tencent.com/document/product/215/36515",
  quote,
});
const CREATE_VPC: Citation = {
  title:
    "Tencent Cloud CreateVpc (API 3.0), CidrBlock, as tencentcloud-sdk-nodejs vpc/v20170312 vpc_models.ts carries it",
  url: "https://cloud.tencent.com/document/api/215/15774",
  quote: "vpc的cidr，仅能在10.0.0.0/12，172.16.0.0/12，192.168.0.0/16这三个内网网段内。",
};
const IPV4_RANGES = [
  QUICK_START("10.0.0.0 - 10.255.255.255（掩码范围需在12 - 28之间）"),
  QUICK_START("172.16.0.0 - 172.31.255.255（掩码范围需在12 - 28之间）"),
  QUICK_START("192.168.0.0 - 192.168.255.255 （掩码范围需在16 - 28之间）"),
];

const CREATE_SUBNET = (quote: string): Citation => ({
  title: "腾讯云 私有网络 API: 创建子网 (CreateSubnet)",
  url: "https://cloud.tencent.com/document/product/301/1314",
  quote,
});

export const TENCENTCLOUD: CloudRulebook = {
  vpcBlocks: {
    ipv4Ranges: {
      value: [
        { within: "10.0.0.0/8", minPrefix: 12, maxPrefix: 28 },
        { within: "172.16.0.0/12", minPrefix: 12, maxPrefix: 28 },
        { within: "192.168.0.0/16", minPrefix: 16, maxPrefix: 28 },
      ],
      sources: [...IPV4_RANGES, CREATE_VPC],
      note: "CreateVpc writes the first range as 10.0.0.0/12; the console guide gives the whole of 10.0.0.0 - 10.255.255.255 with masks 12 to 28. The wider reading is enforced, so that no block the guide allows is refused.",
    },
    ipv4PrefixLength: { value: { min: 12, max: 28 }, sources: IPV4_RANGES },
    ipv6Declared: {
      value: false,
      sources: [
        {
          title: "Tencent Cloud VPC: Network Planning",
          url: "https://cloud.tencent.com/document/product/215/30313",
          quote:
            "IPv6 addresses are global unicast addresses (GUAs) rather than private addresses, so custom planning is not supported.",
        },
      ],
    },
  },
  subnets: {
    withinVpc: { value: true, sources: [CREATE_SUBNET("子网网段必须在 VPC 网段内")] },
    ipv4MaxPrefix: {
      value: 28,
      sources: [
        CREATE_SUBNET(
          "您可以创建的最小网段子网掩码为28(有16个 IP 地址),最大网段子网掩码为16(65,536个 IP 地址)。",
        ),
      ],
    },
    disjoint: { value: true, sources: [CREATE_SUBNET("同一个 VPC 内,多个子网的网段不能重叠。")] },
    ipv6AtCreate: {
      value: false,
      sources: [
        {
          title: "腾讯云 私有网络 API 3.0: 分配IPv6子网段 (AssignIpv6SubnetCidrBlock)",
          url: "https://cloud.tencent.com/document/api/215/34471",
          quote:
            "给子网分配IPv6网段,要求子网所属VPC已获得IPv6网段。如果尚未分配,请先通过接口AssignIpv6CidrBlock给子网所属VPC分配一个IPv6网段。",
        },
      ],
      note: "A Tencent subnet is created IPv4-only and given IPv6 afterwards, by two more calls peerlink does not make; Tencent documents no IPv6 peering route either (ipv6PeeringRoutes).",
    },
  },
  ipv6PeeringRoutes: {
    open: true,
    note: "Searched the peering documentation (seed 000, 对等连接 IPv6, Tencent Cloud peering connection IPv6) and found no page saying a peering route may have an IPv6 destination; peerlink plans none (IPV6_PEERING_UNSUPPORTED).",
  },
  regions: {
    value: "same-and-cross-region",
    sources: [seed000("您可以实现同地域或跨地域的相同/不同用户的私有网络互联")],
  },
  crossAccount: {
    value: true,
    sources: [seed000("与其他账户私有网络创建对等连接，需要对端接受此对等连接后生效。")],
  },
  who: {
    accept: {
      value: "accepter",
      sources: [seed000("如果VPC2是其它用户的私有网络，您需要通知该用户接受您的对等连接申请。")],
    },
    reject: {
      value: "accepter",
      sources: [seed000("您可以拒绝“待接受”状态的对等连接申请。")],
    },
    resize: {
      open: true,
      note: "ModifyVpcPeeringConnection (https://cloud.tencent.com/document/product/215/96022) takes PeeringConnectionName, Bandwidth and ChargeType but says nothing of which side may call it.",
    },
    rename: {
      open: true,
      note: "ModifyVpcPeeringConnection (https://cloud.tencent.com/document/product/215/96022) takes PeeringConnectionName, Bandwidth and ChargeType but says nothing of which side may call it.",
    },
    enable: {
      open: true,
      note: "seed 000 lists EnableVpcPeeringConnection (启用过期同地域对等连接) without saying which side calls it.",
    },
    delete: {
      value: "either",
      sources: [seed000("对等连接的任何一方都可以随时删除对等连接，对等连接删除后立即失效。")],
    },
  },
  onDelete: {
    routes: {
      value: "deleted-with-peering",
      sources: [seed000("对等连接删除后将一同删除路由表中包含此对等连接的路由项。")],
    },
    record: {
      open: true,
      note: "seed 000 says a deleted peering 立即失效 (stops at once) but not whether it stays listed; the rejected one 已拒绝并消失 (disappears).",
    },
  },
  pendingExpiryDays: {
    value: 7,
    sources: [seed000("如果对方不接受对等连接请求，申请将在7天后自动过期失效。")],
  },
  limits: {
    peeringsPerVpc: { value: 10, sources: [seed000("| 每个私有网络支持的对等连接数 | 10 |")] },
    routesPerRouteTable: {
      open: true,
      note: "Not in the seeds. DescribeVpcLimits (https://cloud.tencent.com/document/product/248/42942) names the quota route-table-max-policies (每个路由表可添加的策略数) but gives no number; the route-table overview and quota pages searched (路由表 路由策略 配额 / route table route policy quota) give none.",
    },
    nameLength: {
      value: { min: 1, max: 60 },
      sources: [seed003("peeringConnectionName: 对等连接名称，不得超过60个字符。")],
    },
  },
  bandwidth: {
    crossRegionTiers: {
      value: [10, 20, 50, 100, 200, 500, 1000],
      sources: [seed000("最大 1 Gbps，带宽上限支持以下配置（单位：Mbps）：10、20、50、100、200、500、1000")],
    },
    crossRegionRequired: {
      value: true,
      sources: [seed000("同地域对等连接无带宽上限，跨地域对等连接用户需要设定带宽上限。")],
    },
    requiredPositiveInteger: {
      value: false,
      sources: [seed000("同地域对等连接无带宽上限，跨地域对等连接用户需要设定带宽上限。")],
      note: "Only cross-region peerings take a bandwidth, and only from the tiers (crossRegionTiers).",
    },
    notSettable: {
      value: "same-region",
      sources: [seed000("同地域对等连接带宽无上限，**不可修改**。")],
    },
  },
  crossRegionPeersDisjoint: {
    value: true,
    sources: [seed000("跨地域对等连接时，一个 VPC 的多个对等网络间 CIDR 不可重叠，重叠时会报错。")],
  },
  perIpLimits: {
    value: "cross-region",
    sources: [seed000("同地域对等连接的网络流量免费，无流控功能，最大支持5Gbps。跨地域对等连接支持流控。")],
  },
  billing: {
    chargeTypes: {
      value: ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"],
      sources: [
        seed000("跨地域对等连接费用由对等连接发起方支付，支持两种计费模式：日峰值计费、月95峰值计费"),
      ],
    },
    sameRegionChargeTypes: {
      open: true,
      note: 'seed 000\'s comparison table says a same-region peering is free ("计费规则 | 免费") and lists the charge types for cross-region peerings only; whether a ChargeType may be sent for a same-region one is not said.',
    },
    serviceLevels: {
      value: ["platinum", "gold", "silver"],
      sources: [seed000("支持白金、金、银不同服务等级")],
    },
    serviceLevelChargeType: {
      value: { platinum: "POSTPAID_BY_MONTH_95", silver: "POSTPAID_BY_MONTH_95" },
      sources: [seed000('"白金"、"银" 支持条件是：月 95 计费 & 部分线路')],
    },
    free: {
      value: "same-region",
      sources: [seed000("1) 同地域对等连接：免费。")],
    },
  },
};
