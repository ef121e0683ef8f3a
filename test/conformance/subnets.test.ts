/**
 * Conformance for the subnet rules (rulebook `subnets`, core subnetProblems): one table of cases, each run through
 * every layer that can judge it — the core, `peerlink validate` (the document's `subnets`), the Subnet resource's
 * plan-time check, CDKTF synth of the Huawei
 * subnet binding (HuaweicloudVpcSubnet, its VPC described by a VpcSite), the local engine, the
 * huaweicloud, tencentcloud and baiducloud backends over the emulator (each refuses what the core's shape rules
 * see before sending anything; the Baidu backend's refusals of what needs the VPC carry Baidu's code), and Huawei's
 * and Tencent's official SDKs over the emulator (the wire's own code: VPC.02xx, InvalidParameterValue.SubnetRange /
 * SubnetOverlap) — and asserted to reach the same verdict. A layer that cannot judge a case says why (`n/a`): the
 * plan-time check does not see the VPC, and each cloud's backend and SDK judge that cloud's cases only. The
 * matrix is printed last.
 */
import {
  CreateSubnetOption,
  CreateSubnetRequest,
  CreateSubnetRequestBody,
  CreateVpcOption,
  CreateVpcRequest,
  CreateVpcRequestBody,
} from "@huaweicloud/huaweicloud-sdk-vpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Peering as PeeringConstruct } from "../../constructs/peering.js";
import { HuaweicloudProvider } from "../../constructs/providers/huaweicloud/provider.js";
import { HuaweicloudVpcSubnet } from "../../constructs/providers/huaweicloud/vpc-subnet.js";
import type { Backend } from "../../provider/backends/backend.js";
import { BaiduCloudBackend } from "../../provider/backends/baiducloud/baiducloud-backend.js";
import { BAIDU_ERRORS } from "../../provider/backends/baiducloud/error-codes.js";
import { BackendError } from "../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { LocalStateEngine } from "../../provider/backends/local/local-backend.js";
import { TencentCloudBackend } from "../../provider/backends/tencentcloud/tencentcloud-backend.js";
import {
  type Cloud,
  defaultGateway,
  SUBNET_INVALID,
  subnetProblems,
  validateDocument,
} from "../../provider/core/index.js";
import { baiducloudHandler } from "../../provider/emulator/baiducloud/handler.js";
import { huaweicloudHandler } from "../../provider/emulator/huaweicloud/handler.js";
import type { EmulatorAccount } from "../../provider/emulator/protocol.js";
import type { RunningEmulator } from "../../provider/emulator/server.js";
import { tencentcloudHandler } from "../../provider/emulator/tencentcloud/handler.js";
import { subnet as subnetRuntime } from "../../provider/pulumi/runtime/index.js";
import { rawBody, vpcClient, type WireVpc } from "../emulator/huaweicloud/support.js";
import { startTestEmulator, TEST_ACCOUNTS } from "../emulator/support/emulator.js";
import { tencentClient } from "../emulator/support.js";
import { synthStack } from "../support/cdktf-stack.js";

const [A] = TEST_ACCOUNTS as [EmulatorAccount];
const REGION = { tencentcloud: "ap-guangzhou", huaweicloud: "cn-north-4", baiducloud: "bj" } as const;
const VPC_CIDR = "10.0.0.0/16";

interface Case {
  readonly name: string;
  readonly cloud: Cloud;
  /** A subnet made first in the same VPC. */
  readonly sibling?: string;
  readonly cidr: string;
  readonly ipv6: boolean;
  /** "ok", or the refusal's code. */
  readonly verdict: "ok" | typeof SUBNET_INVALID;
  /** Huawei's wire code for the refusal (error-code page vpc_api_0003). */
  readonly huaweiCode?: string;
  /** Baidu's wire code for the refusal, as the baiducloud backend parses it back (error-codes.ts BAIDU_ERRORS). */
  readonly baiduCode?: string;
  /** Tencent's wire code for the refusal (tencentcloud-sdk-python vpc/v20170312/errorcodes.py). */
  readonly tencentCode?: string;
  /** Needs the VPC (or its other subnets) to be judged: the plan-time check cannot. */
  readonly needsVpc?: boolean;
}

const CASES: readonly Case[] = [
  {
    name: "huawei dual-stack inside the VPC",
    cloud: "huaweicloud",
    cidr: "10.0.1.0/24",
    ipv6: true,
    verdict: "ok",
  },
  {
    name: "huawei block outside the VPC",
    cloud: "huaweicloud",
    cidr: "10.9.0.0/24",
    ipv6: false,
    verdict: SUBNET_INVALID,
    huaweiCode: "VPC.0203",
    needsVpc: true,
  },
  {
    name: "huawei /29 (mask longer than 28)",
    cloud: "huaweicloud",
    cidr: "10.0.1.0/29",
    ipv6: false,
    verdict: SUBNET_INVALID,
    huaweiCode: "VPC.0212",
  },
  {
    name: "huawei overlapping another subnet",
    cloud: "huaweicloud",
    sibling: "10.0.1.0/24",
    cidr: "10.0.1.128/25",
    ipv6: false,
    verdict: SUBNET_INVALID,
    huaweiCode: "VPC.0204",
    needsVpc: true,
  },
  {
    name: "huawei beside another subnet",
    cloud: "huaweicloud",
    sibling: "10.0.1.0/24",
    cidr: "10.0.2.0/24",
    ipv6: true,
    verdict: "ok",
    needsVpc: true,
  },
  {
    name: "tencent IPv6 at creation",
    cloud: "tencentcloud",
    cidr: "10.0.1.0/24",
    ipv6: true,
    verdict: SUBNET_INVALID,
  },
  {
    name: "tencent overlapping another subnet",
    cloud: "tencentcloud",
    sibling: "10.0.1.0/24",
    cidr: "10.0.1.0/25",
    ipv6: false,
    verdict: SUBNET_INVALID,
    // "CIDR与同一个私有网络内的另一个子网发生重叠。"
    tencentCode: "InvalidParameterValue.SubnetOverlap",
    needsVpc: true,
  },
  {
    name: "tencent block outside the VPC",
    cloud: "tencentcloud",
    cidr: "10.9.0.0/24",
    ipv6: false,
    verdict: SUBNET_INVALID,
    // "子网CIDR不合法。"
    tencentCode: "InvalidParameterValue.SubnetRange",
    needsVpc: true,
  },
  {
    name: "tencent /29 (mask longer than 28)",
    cloud: "tencentcloud",
    cidr: "10.0.1.0/29",
    ipv6: false,
    verdict: SUBNET_INVALID,
    tencentCode: "InvalidParameterValue.SubnetRange",
  },
  {
    name: "tencent beside another subnet",
    cloud: "tencentcloud",
    sibling: "10.0.1.0/24",
    cidr: "10.0.2.0/24",
    ipv6: false,
    verdict: "ok",
    needsVpc: true,
  },
  {
    name: "baidu overlapping another subnet (undocumented: allowed)",
    cloud: "baiducloud",
    sibling: "10.0.1.0/24",
    cidr: "10.0.1.0/25",
    ipv6: true,
    verdict: "ok",
    needsVpc: true,
  },
  {
    name: "baidu dual-stack inside the VPC",
    cloud: "baiducloud",
    cidr: "10.0.1.0/24",
    ipv6: true,
    verdict: "ok",
  },
  {
    name: "baidu block outside the VPC",
    cloud: "baiducloud",
    cidr: "10.9.0.0/24",
    ipv6: false,
    verdict: SUBNET_INVALID,
    baiduCode: BAIDU_ERRORS.SUBNET_INVALID.code,
    needsVpc: true,
  },
  {
    name: "baidu /29 (no mask length documented: allowed)",
    cloud: "baiducloud",
    cidr: "10.0.1.0/29",
    ipv6: false,
    verdict: "ok",
  },
];

type Verdict = { readonly verdict: string; readonly wire?: string } | { readonly na: string };

interface Layer {
  readonly name: string;
  judge(c: Case): Promise<Verdict>;
}

const refusedAs = (error: unknown): Verdict => {
  if (error instanceof BackendError) return { verdict: error.code, wire: error.cloudCode };
  throw error;
};

const coreLayer: Layer = {
  name: "core",
  async judge(c) {
    const siblings = c.sibling ? [{ id: "sibling", cidr: c.sibling }] : [];
    const problems = subnetProblems(
      { cloud: c.cloud, vpcId: "vpc", vpcCidrs: [VPC_CIDR], siblings },
      { name: "s", cidr: c.cidr, ipv6: c.ipv6 },
    );
    return { verdict: problems.length === 0 ? "ok" : SUBNET_INVALID };
  },
};

/** validate: the document's `subnets` (what `peerlink validate` reads), the sibling declared first. */
const validateLayer: Layer = {
  name: "validate",
  async judge(c) {
    const vpc = { id: "vpc", cloud: c.cloud, region: REGION[c.cloud], account: "1", cidrs: [VPC_CIDR] };
    const subnets = [
      ...(c.sibling ? [{ id: "sibling", vpc: "vpc", cidr: c.sibling }] : []),
      { id: "s", vpc: "vpc", cidr: c.cidr, ipv6: c.ipv6 },
    ];
    const { diagnostics } = validateDocument({ vpcs: [vpc], subnets });
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.some((d) => d.resource !== "subnets[s]"))
      throw new Error(`unexpected: ${JSON.stringify(errors)}`);
    return { verdict: errors[0]?.code ?? "ok" };
  },
};

const pulumiCheckLayer: Layer = {
  name: "pulumi-check",
  async judge(c) {
    if (c.needsVpc) return { na: "the plan-time check does not see the VPC" };
    const { failures } = await (
      subnetRuntime as unknown as {
        check(o: object, n: object): Promise<{ failures: { reason: string }[] }>;
      }
    ).check(
      {},
      {
        connection: { kind: "local" },
        vpcId: "vpc-x",
        name: "s",
        cidr: c.cidr,
        ipv6: c.ipv6,
        cloud: c.cloud,
      },
    );
    return { verdict: failures.length === 0 ? "ok" : (failures[0]!.reason.split(":")[0] ?? "?") };
  },
};

/**
 * CDKTF synth of a `huaweicloud_vpc_subnet` (HuaweicloudVpcSubnet), the one subnet binding CDKTF has, in a stack
 * whose Peering describes its VPC with a VpcSite: the synth validation judges it in the stack's topology.
 */
const cdktfSynthLayer: Layer = {
  name: "cdktf-synth",
  async judge(c) {
    if (c.cloud !== "huaweicloud") return { na: `CDKTF has no ${c.cloud} subnet binding` };
    const result = synthStack((stack) => {
      new HuaweicloudProvider(stack, "huaweicloud", { region: REGION.huaweicloud });
      const site = (vpcId: string, cidr: string) => ({
        vpcId,
        cloud: "huaweicloud" as const,
        region: REGION.huaweicloud,
        account: "p1",
        cidrs: [cidr],
        mainRouteTableId: `rtb-${vpcId}`,
      });
      const vpc = site("vpc-x", VPC_CIDR);
      new PeeringConstruct(stack, "p", {
        cloud: "huaweicloud",
        vpc,
        peerVpc: site("vpc-y", "10.1.0.0/16"),
        name: "p",
      });
      const subnet = (id: string, cidr: string) =>
        new HuaweicloudVpcSubnet(stack, id, {
          name: id,
          vpcId: vpc.vpcId,
          cidr,
          gatewayIp: defaultGateway(cidr),
          ipv6Enable: id === "s" && c.ipv6,
        });
      if (c.sibling) subnet("sibling", c.sibling);
      subnet("s", c.cidr);
    });
    if (result.errors.some((l) => !l.startsWith("[stack/s] ")))
      throw new Error(`unexpected: ${result.errors.join("\n")}`);
    const first = result.errors[0];
    return { verdict: first === undefined ? "ok" : (first.split("] ")[1]?.split(" ")[0] ?? "?") };
  },
};

function backendLayer(name: string, open: () => Backend, clouds: readonly Cloud[]): Layer {
  return {
    name,
    async judge(c) {
      if (!clouds.includes(c.cloud)) return { na: `${name} has no ${c.cloud} subnets` };
      const backend = open();
      const vpc = await backend.createVpc({
        name: "conf",
        region: REGION[c.cloud],
        cidrs: [VPC_CIDR],
        cloud: c.cloud,
      });
      if (c.sibling) await backend.createSubnet({ vpcId: vpc.id, name: "sibling", cidr: c.sibling });
      try {
        await backend.createSubnet({ vpcId: vpc.id, name: "s", cidr: c.cidr, ipv6: c.ipv6 });
        return { verdict: "ok" };
      } catch (error) {
        return refusedAs(error);
      }
    },
  };
}

let engine: LocalStateEngine;
let emulator: RunningEmulator;
let baiduEmulator: RunningEmulator;
let tencentEmulator: RunningEmulator;
const localLayer = backendLayer("local", () => engine.session("100000000001"), [
  "tencentcloud",
  "huaweicloud",
  "baiducloud",
]);
const huaweiBackendLayer = backendLayer(
  "huaweicloud-backend",
  () =>
    new HuaweiCloudBackend({
      endpoint: emulator.url,
      region: REGION.huaweicloud,
      accessKey: A.secretId,
      secretKey: A.secretKey,
      projectId: A.id,
      env: {},
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      pacing: false,
    }),
  ["huaweicloud"],
);
const baiduBackendLayer = backendLayer(
  "baiducloud-backend",
  () =>
    new BaiduCloudBackend({
      endpoint: baiduEmulator.url,
      region: REGION.baiducloud,
      accessKey: A.secretId,
      secretKey: A.secretKey,
      accountId: A.id,
      env: {},
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      pacer: false,
    }),
  ["baiducloud"],
);
const tencentBackendLayer = backendLayer(
  "tencentcloud-backend",
  () =>
    new TencentCloudBackend({
      endpoint: tencentEmulator.url,
      region: REGION.tencentcloud,
      account: A.id,
      secretId: A.secretId,
      secretKey: A.secretKey,
      env: {},
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      pacing: false,
    }),
  ["tencentcloud"],
);
/** Tencent's CreateSubnet as the CommonClient sends it: the wire's own code on a refusal. */
const tencentSdkLayer: Layer = {
  name: "tencent-sdk",
  async judge(c) {
    if (c.cloud !== "tencentcloud") return { na: "Tencent's API only" };
    // CreateSubnet has no "assign me an IPv6 block" flag (IPv6 is AssignIpv6SubnetCidrBlock, later): the case is the
    // backend's and the core's to refuse.
    if (c.ipv6) return { na: "CreateSubnet takes no IPv6-at-creation flag" };
    const client = tencentClient(tencentEmulator.url, A, REGION.tencentcloud);
    // biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
    const made: any = await client.request("CreateVpc", { VpcName: "c", CidrBlock: VPC_CIDR });
    const create = (cidr: string) =>
      client.request("CreateSubnet", {
        VpcId: made.Vpc.VpcId,
        SubnetName: "s",
        CidrBlock: cidr,
        Zone: `${REGION.tencentcloud}-3`,
      });
    if (c.sibling) await create(c.sibling);
    try {
      await create(c.cidr);
      return { verdict: "ok" };
    } catch (error) {
      // TencentCloudSDKHttpException carries the wire's Response.Error.Code.
      const code = (error as { code?: string }).code;
      if (code === undefined) throw error;
      return { verdict: code.startsWith("InvalidParameterValue.Subnet") ? SUBNET_INVALID : code, wire: code };
    }
  },
};
const huaweiSdkLayer: Layer = {
  name: "huawei-sdk",
  async judge(c) {
    if (c.cloud !== "huaweicloud") return { na: "Huawei's API only" };
    const client = vpcClient(emulator.url, A, { raw: true });
    const made = (await client.createVpc(
      new CreateVpcRequest().withBody(
        new CreateVpcRequestBody().withVpc(new CreateVpcOption().withName("c").withCidr(VPC_CIDR)),
      ),
    )) as unknown as { vpc: WireVpc };
    const create = (cidr: string, ipv6: boolean) => {
      const option = new CreateSubnetOption("s", cidr, made.vpc.id, defaultGateway(cidr)).withIpv6Enable(
        ipv6,
      );
      return client.createSubnet(
        new CreateSubnetRequest().withBody(new CreateSubnetRequestBody().withSubnet(option)),
      );
    };
    if (c.sibling) await create(c.sibling, false);
    const answer = rawBody(await create(c.cidr, c.ipv6)) as unknown as {
      httpStatusCode: number;
      code?: string;
    };
    if (answer.httpStatusCode === 200) return { verdict: "ok" };
    return {
      verdict: answer.code?.startsWith("VPC.02") ? SUBNET_INVALID : (answer.code ?? "?"),
      wire: answer.code,
    };
  },
};

const LAYERS: readonly Layer[] = [
  coreLayer,
  validateLayer,
  pulumiCheckLayer,
  cdktfSynthLayer,
  localLayer,
  huaweiBackendLayer,
  huaweiSdkLayer,
  baiduBackendLayer,
  tencentBackendLayer,
  tencentSdkLayer,
];
const matrix = new Map<string, Map<string, string>>();

beforeAll(async () => {
  engine = LocalStateEngine.open({ file: ":memory:" });
  emulator = await startTestEmulator(huaweicloudHandler);
  baiduEmulator = await startTestEmulator(baiducloudHandler);
  tencentEmulator = await startTestEmulator(tencentcloudHandler);
});
afterAll(async () => {
  engine?.close();
  await emulator?.close();
  await baiduEmulator?.close();
  await tencentEmulator?.close();
  const lines = [`subnet conformance (${CASES.length} cases × ${LAYERS.length} layers)`];
  let agreed = 0;
  let disagreed = 0;
  for (const c of CASES) {
    const row = LAYERS.map((l) => matrix.get(c.name)?.get(l.name) ?? "—");
    agreed += row.filter((v) => v === "agreed").length;
    disagreed += row.filter((v) => v.startsWith("DISAGREED")).length;
    lines.push(`  ${c.name}: ${LAYERS.map((l, i) => `${l.name}=${row[i]}`).join(" | ")}`);
  }
  lines.push(`subnet conformance: ${agreed} agreed, ${disagreed} disagreed`);
  console.log(lines.join("\n"));
});

describe("subnet conformance: one verdict per case on every layer that can judge it", () => {
  for (const layer of LAYERS) {
    describe(layer.name, () => {
      for (const c of CASES) {
        it(c.name, async () => {
          const result = await layer.judge(c);
          const row = matrix.get(c.name) ?? new Map<string, string>();
          matrix.set(c.name, row);
          if ("na" in result) {
            row.set(layer.name, "n/a");
            return;
          }
          const wireOk =
            (c.huaweiCode === undefined || layer !== huaweiSdkLayer || result.wire === c.huaweiCode) &&
            (c.baiduCode === undefined || layer !== baiduBackendLayer || result.wire === c.baiduCode) &&
            (c.tencentCode === undefined || layer !== tencentSdkLayer || result.wire === c.tencentCode);
          row.set(
            layer.name,
            result.verdict === c.verdict && wireOk
              ? "agreed"
              : `DISAGREED(${result.verdict} ${result.wire ?? ""})`,
          );
          expect(result.verdict).toBe(c.verdict);
          // The wire's own code where the wire is read; the backend refuses some cases before sending anything.
          if (layer === huaweiSdkLayer && c.huaweiCode !== undefined) expect(result.wire).toBe(c.huaweiCode);
          // The baiducloud backend sends what needs the VPC: Baidu's code comes back on the refusal.
          if (layer === baiduBackendLayer && c.baiduCode !== undefined) expect(result.wire).toBe(c.baiduCode);
          if (layer === tencentSdkLayer && c.tencentCode !== undefined)
            expect(result.wire).toBe(c.tencentCode);
        });
      }
    });
  }
});
