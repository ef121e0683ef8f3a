/**
 * Huawei Cloud's peering rules. Seed 002 is the peering object model, seed 004 the POST /v2.0/vpc/peerings page;
 * the rest cites Huawei's VPC user guide and API reference.
 *
 * Refusal codes: Huawei's peering APIs (v2.0, Neutron style) answer `NeutronError` bodies and the VPC error-code
 * page excludes them ("excluding native OpenStack APIs"), so no code is documented for a peering refusal; the
 * emulator's names are in provider/backends/huaweicloud/error-codes.ts.
 */
import type { Citation, CloudRulebook } from "./types.js";

const seed002 = (quote: string): Citation => ({
  title: "seed 002: Huawei Cloud peering object model",
  url: "seeds/002_578f687be3f5fa91.txt",
  quote,
});
const seed004 = (quote: string): Citation => ({
  title: "seed 004: Huawei Cloud POST /v2.0/vpc/peerings",
  url: "seeds/004_ad52663ba3f447ae.txt",
  quote,
});
const CONFIG_SUGGESTIONS: Citation = {
  title: "Huawei Cloud VPC User Guide: VPC Peering Connection Configuration Suggestions",
  url: "https://support.huaweicloud.com/intl/en-us/usermanual-vpc/en-us_topic_0046809840.html",
  quote: "A VPC peering connection can only connect VPCs in the same region.",
};
const OVERVIEW: Citation = {
  title: "Huawei Cloud VPC User Guide: VPC Peering Connection Overview",
  url: "https://support.huaweicloud.com/intl/en-us/ae-ad-1-usermanual-vpc/en-us_topic_0046655036.html",
  quote:
    "The VPCs to be peered can be in the same account or different accounts, but must be in the same region.",
};
const DELETE_API: Citation = {
  title: "Huawei Cloud VPC API Reference: Deleting a VPC Peering Connection (DeleteVpcPeering)",
  url: "https://support.huaweicloud.com/intl/en-us/api-vpc/vpc_peering_0007.html",
  quote: "A VPC peering connection can be deleted either by the local or peer tenant.",
};
const DELETE_GUIDE: Citation = {
  title: "华为云 虚拟私有云 用户指南: 删除对等连接, 约束与限制 (as quoted by huaweicloud.com's own search)",
  url: "https://huaweicloud.com/s/JeW8ueaAp-S6keacjeWKoeWZqCDlvLnmgKflhaznvZFpcCU/t_30_p_27/JeiZmuaLn-engeacieS6kSBWUEMl",
  quote:
    "对等连接双方账号都有权限删除对等连接,一方删除对等连接后,对等连接的所有信息会被立刻删除,包括本端VPC和对端VPC路由表中对等连接的路由信息。",
};
const ACCEPT_API: Citation = {
  title: "Huawei Cloud VPC API Reference: Accepting a VPC Peering Connection",
  url: "https://support.huaweicloud.com/intl/en-us/ae-ad-1-api-vpc/vpc_peering_0004.html",
  quote:
    "After tenant A requests to create a VPC peering connection with a VPC of tenant B, the VPC peering connection takes effect only after tenant B accepts the request.",
};
const REJECT_API: Citation = {
  title: "华为云 VPC API参考: 拒绝对等连接请求 RejectVpcPeering",
  url: "https://huaweicloud.com/zhishi/apiedoc-rejectvpcpeering.html",
  quote:
    "租户A名下的VPC申请和租户B的VPC建立对等连接,需要等待租户B接受该请求。此接口用于租户拒绝其他租户发起的对等连接请求。",
};

const noOperation = (what: string) =>
  ({ open: true, note: `Huawei's peering API has no ${what} operation (seed 004; API reference).` }) as const;

const CREATE_VPC = (quote: string): Citation => ({
  title:
    "Huawei Cloud VPC API CreateVpc (v1), CreateVpcOption.cidr, as published in the crate huawei-cloud-api-definitions-VPC 0.1.20250523 (generated from Huawei's OpenAPI spec)",
  url: "https://docs.rs/crate/huawei-cloud-api-definitions-VPC/latest/source/src/CreateVpc.json",
  quote,
});
const CIDR_RANGES = [
  CREATE_VPC("10.0.0.0/8 ~ 10.255.255.240/28"),
  CREATE_VPC("172.16.0.0/12 ~ 172.31.255.240/28"),
  CREATE_VPC("192.168.0.0/16 ~ 192.168.255.240/28"),
];

const CREATE_SUBNET = (quote: string): Citation => ({
  title: "华为云 虚拟私有云 API参考: 创建子网 - CreateSubnet",
  url: "https://support.huaweicloud.com/api-vpc/vpc_subnet01_0001.html",
  quote,
});

export const HUAWEICLOUD: CloudRulebook = {
  vpcBlocks: {
    ipv4Ranges: {
      value: [
        { within: "10.0.0.0/8", minPrefix: 8, maxPrefix: 28 },
        { within: "172.16.0.0/12", minPrefix: 12, maxPrefix: 28 },
        { within: "192.168.0.0/16", minPrefix: 16, maxPrefix: 28 },
      ],
      sources: CIDR_RANGES,
      note: "The AOS template element VPC.VPC (support.huaweicloud.com/intl/en-us/tr-aos/vpc-vpc.html) stops at /24 (10.0.0.0/8-10.255.255.0/24); the CreateVpc API definition, which the SDKs are generated from, goes to /28 and is followed.",
    },
    ipv4PrefixLength: { value: { min: 8, max: 28 }, sources: CIDR_RANGES },
    ipv6Declared: {
      value: false,
      sources: [
        CREATE_VPC("约束:必须是ipv4 cidr格式,例如:192.168.0.0/16"),
        {
          title: "华为云 虚拟私有云 用户指南: 管理IPv4/IPv6双栈网络",
          url: "https://support.huaweicloud.com/intl/zh-cn/tr-central-201-usermanual-vpc/vpc_0002.html",
          quote:
            "在创建虚拟私有云VPC子网时,开启IPv6功能,则系统会自动为子网分配IPv6网段,当前不支持自定义IPv6网段。",
        },
      ],
    },
  },
  subnets: {
    withinVpc: { value: true, sources: [CREATE_SUBNET("cidr: 子网的网段 取值范围:必须在vpc对应cidr范围内")] },
    ipv4MaxPrefix: { value: 28, sources: [CREATE_SUBNET("约束:必须是cidr格式。掩码长度不能大于28")] },
    disjoint: {
      value: true,
      sources: [
        {
          title: "Huawei Cloud VPC API Reference: Error Codes (Creating a subnet)",
          url: "https://support.huaweicloud.com/intl/en-us/api-vpc/vpc_api_0003.html",
          quote:
            "VPC.0204 The subnet has already existed in the VPC, or has been in conflict with the VPC subnet.",
        },
      ],
      note: "The CreateSubnet reference says nothing of other subnets of the VPC; the error-code table's VPC.0204 refuses a block in conflict with another subnet. The sentence was read in the Open Telekom Cloud edition of the same reference (opentelekomcloud/docs, vpc api-reference error-codes), whose table the Huawei page's entries match.",
    },
    ipv6AtCreate: {
      value: true,
      sources: [
        CREATE_SUBNET("ipv6_enable: 是否开启IPv6功能 取值范围:true(开启),false(关闭) 约束:不填时默认为false"),
        {
          title: "华为云 虚拟私有云 用户指南: 管理IPv4/IPv6双栈网络",
          url: "https://support.huaweicloud.com/intl/zh-cn/tr-central-201-usermanual-vpc/vpc_0002.html",
          quote:
            "在创建虚拟私有云VPC子网时,开启IPv6功能,则系统会自动为子网分配IPv6网段,当前不支持自定义IPv6网段。",
        },
      ],
    },
  },
  regions: { value: "same-region", sources: [CONFIG_SUGGESTIONS, OVERVIEW] },
  ipv6PeeringRoutes: {
    value: true,
    sources: [
      {
        title: "创建VPC路由 - CreateVpcRoute",
        url: "https://support.huaweicloud.com/api-vpc/vpc_route_0003.html",
        quote: "路由目的地址CIDR,如192.168.200.0/24。支持IPv4和IPv6。",
      },
      {
        title: "Using a VPC Peering Connection to Connect Two VPCs",
        url: "https://support.huaweicloud.com/intl/en-us/usermanual-vpc/vpc_peering_0009.html",
        quote: "Two VPCs Peered Together (IPv6)",
      },
    ],
    note: "Huawei assigns a VPC's IPv6 block itself (ipv6Declared), so an IPv6 destination is the block the cloud assigned the peer, never one the user declares.",
  },
  crossAccount: {
    value: true,
    sources: [OVERVIEW, seed004("跨租户创建时需要指定accept_vpc_info中的tenant_id")],
  },
  who: {
    accept: { value: "accepter", sources: [ACCEPT_API] },
    reject: { value: "accepter", sources: [REJECT_API] },
    resize: noOperation("bandwidth"),
    rename: {
      open: true,
      note: "UpdateVpcPeering (PUT /v2.0/vpc/peerings/{id}) changes name and description; the reference does not say which tenant may call it.",
    },
    enable: noOperation("re-enable"),
    delete: { value: "either", sources: [DELETE_API, DELETE_GUIDE] },
  },
  onDelete: {
    routes: { value: "deleted-with-peering", sources: [DELETE_GUIDE] },
    record: { value: "removed", sources: [DELETE_GUIDE] },
  },
  pendingExpiryDays: {
    open: true,
    note: "seed 002 lists an EXPIRED status, but neither the seeds nor the API reference and user guide pages searched say after how long a request expires.",
  },
  limits: {
    peeringsPerVpc: {
      open: true,
      note: "Huawei's FAQ 一个账户可以创建多少个对等连接? says the number is 以实际配额为准 (the account's actual quota): no fixed number.",
    },
    routesPerRouteTable: {
      value: 200,
      sources: [
        {
          title: "Huawei Cloud VPC FAQ: How Many Routes Can a Route Table Contain?",
          url: "https://support.huaweicloud.com/eu/vpc_faq/vpc_faq_0063.html",
          quote:
            "Each route table can contain a maximum of 200 routes by default, including routes added for Direct Connect and VPC peering connections.",
        },
      ],
      note: "A default quota (raisable); enforced as ROUTE_LIMIT_EXCEEDED. The Paris-region guide (support.huaweicloud.com/intl/en-us/eu-west-0-usermanual-vpc/vpc_faq_0063.html) still says 100; the current FAQ's 200 is followed.",
    },
    nameLength: {
      value: { min: 1, max: 64 },
      sources: [seed002("对等连接的名称，支持长度为1-64")],
    },
  },
  bandwidth: {
    crossRegionTiers: noOperation("bandwidth"),
    crossRegionRequired: { value: false, sources: [CONFIG_SUGGESTIONS] },
    requiredPositiveInteger: {
      value: false,
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
    },
    notSettable: {
      value: "always",
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
      note: "The create request has no bandwidth field at all (seed 004), so none can be set.",
    },
  },
  crossRegionPeersDisjoint: {
    open: true,
    note: "Peerings are regional (regions), so no cross-region peer rule applies.",
  },
  perIpLimits: {
    value: "none",
    sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
    note: "The peering API has no flow-control field or operation.",
  },
  billing: {
    chargeTypes: {
      value: [],
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
      note: "The create request has no billing field: a Huawei peering has no charge type to choose.",
    },
    sameRegionChargeTypes: {
      value: [],
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
      note: "No billing field on any peering (and every Huawei peering is same-region).",
    },
    serviceLevels: {
      value: [],
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
    },
    serviceLevelChargeType: {
      value: {},
      sources: [seed004("必选字段：name，request_vpc_info中的vpc_id、accept_vpc_info中的vpc_id")],
    },
    free: {
      value: "always",
      sources: [
        {
          title: "Huawei Cloud VPC User Guide: VPC Peering Connection Overview",
          url: "https://support.huaweicloud.com/intl/es-us/usermanual-vpc/es-us_topic_0046655036.html",
          quote: "Currently, VPC peering connections are free.",
        },
      ],
    },
  },
};
