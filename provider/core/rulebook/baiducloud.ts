/**
 * Baidu AI Cloud's peering rules. Seed 001 is the VPC PHP SDK's peering section; the rest cites Baidu's VPC API
 * reference (cloud.baidu.com/doc/VPC).
 *
 * Sources that disagree: the English page of "Upgrade and Degrade of Peer Connection Bandwidth" says the bandwidth
 * "can be upgraded and degraded only by the acceptor for different accounts"; the Chinese page of the same API
 * says only the initiator (跨账号只有发起端才可以进行带宽的升降级操作), as do the release and renewal pages. The
 * Chinese reference is the one the SDK documentation follows, and what the initiator pays for, so the initiator it is.
 *
 * Baidu publishes no VPC-specific refusal codes for peer connections (provider/backends/baiducloud/error-codes.ts).
 */
import type { Citation, CloudRulebook } from "./types.js";

const seed001 = (quote: string): Citation => ({
  title: "seed 001: Baidu AI Cloud VPC PHP SDK, peering connections",
  url: "seeds/001_93873489e7a7c2f1.txt",
  quote,
});
const RESIZE: Citation = {
  title: "百度智能云 VPC API参考: 对等连接带宽升降级",
  url: "https://cloud.baidu.com/doc/VPC/s/Wjwvyufcb",
  quote: "跨账号只有发起端才可以进行带宽的升降级操作;",
};
const RELEASE: Citation = {
  title: "百度智能云 VPC API参考: 释放对等连接",
  url: "https://cloud.baidu.com/doc/VPC/s/0jwvyucfy",
  quote: "跨账号只有发起端可以释放;",
};
const PRACTICE: Citation = {
  title: "百度智能云 对等连接典型实践 (使用限制)",
  url: "https://cloud.baidu.com/theme/P/2917004-3",
  quote: "单个 VPC 内最多创建 10 个对等连接实例,单个用户最多创建 10 个对等连接实例。",
};
const SPEC_LIMITS: Citation = {
  title: "Baidu AI Cloud VPC: Product Specification Limit (Routing Table Quota)",
  url: "https://cloud.baidu.com/doc/VPC/s/9jwvytur6-en",
  quote: "Each VPC has a maximum of 50 route table entries by default.",
};
const OVERVIEW: Citation = {
  title: "百度智能云 VPC SDK文档: 对等连接管理",
  url: "https://cloud.baidu.com/theme/E/2491997-3",
  quote: "实现同区域/跨区域,同用户/不同用户之间稳定高速的虚拟网络互联。",
};
const TIMEOUT = seed001(
  'The timeout period for a connection request initiated by the initiator is 7 days. Once the timeout occurs, the status of the peering connection changes to "negotiation failure."',
);
const CREATE_PARAMS = seed001(
  "bandwidthInMbps int Yes Maximum bandwidth of peering connections (unit: mbps)",
);

const VPC_BLOCKS: Citation = {
  title:
    "百度智能云 私有网络 VPC: 网段 (the VPC guide's sentence, as cloud.baidu.com's topic page quotes it)",
  url: "https://cloud.baidu.com/theme/N/2855458-5",
  quote:
    "建议您使用192.168.0.0/16、172.16.0.0/12、10.0.0.0/8及其子网作为私有网络的网段,允许的块大小在/28 网络掩码与/8 网络掩码之间。",
};

const CREATE_SUBNET = (quote: string): Citation => ({
  title: "百度智能云 私有网络 VPC API: 创建子网",
  url: "https://cloud.baidu.com/doc/VPC/s/Yjwvyu8o1",
  quote,
});

export const BAIDUCLOUD: CloudRulebook = {
  vpcBlocks: {
    ipv4Ranges: {
      open: true,
      note: "Baidu recommends 192.168.0.0/16, 172.16.0.0/12 and 10.0.0.0/8 but also takes public ranges (the same page: 也支持使用公网地址段作为私有网络地址段), so no range is enforced; the prefix length is (ipv4PrefixLength).",
    },
    ipv4PrefixLength: { value: { min: 8, max: 28 }, sources: [VPC_BLOCKS] },
    ipv6Declared: {
      open: true,
      note: "The create-VPC pages searched (Create VPC, intl.cloud.baidu.com/doc/VPC) name an IPv4 cidr only and say nothing of IPv6 blocks; an IPv6 block is not refused.",
    },
  },
  subnets: {
    withinVpc: {
      value: true,
      sources: [CREATE_SUBNET("cidr | String | 是 | Request Body参数 | 子网cidr,需在所属VPC网段范围内")],
    },
    ipv4MaxPrefix: {
      open: true,
      note: "The create-subnet reference gives no mask length for a subnet; none is enforced.",
    },
    disjoint: {
      open: true,
      note: "The create-subnet reference says nothing of other subnets of the VPC; overlaps are not refused.",
    },
    ipv6AtCreate: {
      value: true,
      sources: [
        CREATE_SUBNET(
          "enableIpv6 | Boolean | 否 | RequestBody参数 | 是否开启IPv6网段,true表示开启,默认false不开启",
        ),
      ],
      note: "Baidu documents no IPv6 peering route (ipv6PeeringRoutes), so a dual-stack Baidu site still routes IPv4 only through its peerings.",
    },
  },
  ipv6PeeringRoutes: {
    open: true,
    note: "A Baidu VPC may be dual-stack (the VPC guide: 系统将自动给该VPC分配掩码为56的IPv6 CIDR块), but the peering pages searched (seed 001, 对等连接 IPv6, peer connection IPv6 route) say nothing of IPv6 routes through a peering; peerlink plans none (IPV6_PEERING_UNSUPPORTED).",
  },
  regions: {
    value: "same-and-cross-region",
    sources: [OVERVIEW, seed001("peerRegion string Yes Peer region")],
  },
  crossAccount: {
    value: true,
    sources: [
      seed001(
        "Cross-account peering connections require acceptance by the receiving end before becoming available.",
      ),
    ],
  },
  who: {
    accept: {
      value: "accepter",
      sources: [
        seed001(
          "Cross-account peering connections require acceptance by the receiving end before becoming available.",
        ),
      ],
    },
    reject: {
      open: true,
      note: "The reject page (拒绝对等连接申请) describes the outcome (接收端拒绝后,发起端对等连接状态为协商失败) but not who may call it; the engine keeps it to the accepter.",
    },
    resize: {
      value: "requester",
      sources: [RESIZE],
      note: "The English page says the acceptor; see the file comment.",
    },
    rename: {
      open: true,
      note: "updatePeerConn changes the *local* interface name and description (seed 001: localIfName): each side names its own end; no rule on who may call it.",
    },
    enable: {
      open: true,
      note: "Baidu has no re-enable operation: an expired request is deleted and made anew.",
    },
    delete: { value: "requester", sources: [RELEASE] },
  },
  onDelete: {
    routes: {
      open: true,
      note: "The release page does not say what becomes of route rules through the peering.",
    },
    record: { open: true, note: "The release page does not say whether a released peering stays listed." },
  },
  pendingExpiryDays: { value: 7, sources: [TIMEOUT] },
  limits: {
    peeringsPerVpc: { value: 10, sources: [PRACTICE] },
    routesPerRouteTable: {
      value: 50,
      sources: [SPEC_LIMITS],
      note: "A default quota (raisable by ticket). Baidu has one route table per VPC, so the per-VPC number is the per-table one; enforced as ROUTE_LIMIT_EXCEEDED.",
    },
    nameLength: {
      open: true,
      note: "seed 001 documents no length for localIfName or description; none is enforced.",
    },
  },
  bandwidth: {
    crossRegionTiers: {
      open: true,
      note: "Any positive integer (seed 001 bandwidthInMbps int); no tier list is documented.",
    },
    crossRegionRequired: {
      value: false,
      sources: [CREATE_PARAMS],
      note: "Required on every peering instead (requiredPositiveInteger).",
    },
    requiredPositiveInteger: { value: true, sources: [CREATE_PARAMS] },
    notSettable: { value: "never", sources: [CREATE_PARAMS] },
  },
  crossRegionPeersDisjoint: {
    open: true,
    note: "Baidu documents no rule on the peers of one VPC overlapping each other.",
  },
  perIpLimits: {
    value: "none",
    sources: [seed001("The resizePeerConn function can be used to release peering connections.")],
    note: "The peering API offers bandwidth resizing of the whole peering only, no per-IP limits.",
  },
  billing: {
    chargeTypes: {
      value: ["Postpaid", "Prepaid"],
      sources: [
        seed001("billing Custom billing type Yes Billing method, supporting postpay and monthly prepay."),
      ],
    },
    sameRegionChargeTypes: {
      value: ["Postpaid"],
      sources: [
        seed001(
          "For peering connections within the same region, the billing parameter only supports the postpaid option (the billing parameter must be provided, though the billing amount will be 0).",
        ),
      ],
    },
    serviceLevels: {
      value: [],
      sources: [
        seed001("billing Custom billing type Yes Billing method, supporting postpay and monthly prepay."),
      ],
      note: "The create call has no service-level parameter.",
    },
    serviceLevelChargeType: {
      value: {},
      sources: [
        seed001("billing Custom billing type Yes Billing method, supporting postpay and monthly prepay."),
      ],
    },
    free: {
      value: "same-region",
      sources: [
        seed001(
          "For peering connections within the same region, the billing parameter only supports the postpaid option (the billing parameter must be provided, though the billing amount will be 0).",
        ),
      ],
      note: "A cross-region peering is billed by its bandwidth; seed 001 gives no price, so `peerlink cost` leaves it unpriced.",
    },
  },
};
