/**
 * The layers a conformance case runs through. Each takes the case's topology and answers the error codes it
 * refuses with. The apply layers (the local engine, each cloud's backend over the emulator, the Pulumi resources)
 * create what the document declares in order — VPCs, peerings (accepted from the peer account when it differs),
 * routes — and collect every refusal; a refusal that names several problems counts each of its codes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack, Testing } from "cdktf";
import { Peering as PeeringConstruct } from "../../constructs/peering.js";
import { RouteRule as RouteRuleConstruct } from "../../constructs/route-rule.js";
import type { VpcSite } from "../../constructs/vpc-site.js";
import type { Backend } from "../../provider/backends/backend.js";
import { BaiduCloudBackend } from "../../provider/backends/baiducloud/baiducloud-backend.js";
import { isBackendError } from "../../provider/backends/errors.js";
import { HuaweiCloudBackend } from "../../provider/backends/huaweicloud/huaweicloud-backend.js";
import { LocalStateEngine } from "../../provider/backends/local/local-backend.js";
import { TencentCloudBackend } from "../../provider/backends/tencentcloud/tencentcloud-backend.js";
import { DIAGNOSTIC_CODES, type TopologyInput, validateDocument } from "../../provider/core/index.js";
import type { Cloud } from "../../provider/core/topology-schema.js";
import type { EmulatorAccount } from "../../provider/emulator/protocol.js";
import { type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import { closeCachedEngines, peering, routeRule } from "../../provider/pulumi/runtime/index.js";

export interface Layer {
  readonly name: string;
  /** The clouds the layer speaks; undefined: all. */
  readonly clouds?: readonly Cloud[];
  /** Why the layer cannot run a case (shown as n/a in the matrix), or undefined. */
  notApplicable?(document: TopologyInput): string | undefined;
  /** Cases this layer is known to answer differently, by case name, each with why and where the fix lies. */
  readonly knownDivergences?: Readonly<Record<string, string>>;
  /**
   * The codes the layer refuses `document` with. `expected` (the case's verdict) is only for a layer that reads a
   * cloud code several peerlink codes share (./sdk-layers.ts); the others ignore it.
   */
  refusals(document: TopologyInput, expected?: readonly string[]): Promise<string[]>;
  close?(): Promise<void>;
}

const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

/** The peerlink codes a refusal names: its own, and each `(n) CODE:` of a refusal that lists several problems. */
function codesOf(error: unknown): string[] {
  if (!isBackendError(error)) throw error;
  const listed = [...error.message.matchAll(/\(\d+\) ([A-Z][A-Z0-9_]*):/g)].map((m) => m[1]!);
  return [error.code, ...listed.filter((c) => CODES.has(c))];
}

function sorted(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

/** validate: the CLI's and every front end's plan-time verdict. */
export const validateLayer: Layer = {
  name: "validate",
  async refusals(document) {
    return sorted(
      validateDocument(document)
        .diagnostics.filter((d) => d.severity === "error")
        .map((d) => d.code),
    );
  },
};

type Open = (account: "A" | "B", region: string) => Backend;

/** Creates what the document declares through Backend sessions; answers every refusal's codes. */
async function applyDocument(document: TopologyInput, open: Open): Promise<string[]> {
  const found: string[] = [];
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      found.push(...codesOf(error));
      return undefined;
    }
  };
  const vpcs = new Map<string, { id: string; account: "A" | "B"; region: string }>();
  for (const v of document.vpcs ?? []) {
    const account = String(v.account) as "A" | "B";
    const created = await attempt(() =>
      open(account, v.region).createVpc({ name: v.id, region: v.region, cidrs: v.cidrs, cloud: v.cloud }),
    );
    if (created) vpcs.set(v.id, { id: created.id, account, region: v.region });
  }
  const peerings = new Map<string, string>();
  for (const p of document.peerings ?? []) {
    const a = vpcs.get(p.vpc);
    const b = vpcs.get(p.peerVpc);
    if (!a || !b) continue;
    const backend = open(a.account, a.region);
    const peer = open(b.account, b.region);
    const created = await attempt(() =>
      backend.createPeering({
        vpcId: a.id,
        peerVpcId: b.id,
        name: p.name ?? p.id,
        ...(b.account === a.account ? {} : { peerAccount: peer.account }),
        ...(b.region === a.region ? {} : { peerRegion: b.region }),
        ...(p.bandwidthMbps === undefined ? {} : { bandwidthMbps: p.bandwidthMbps }),
        ...(p.chargeType === undefined ? {} : { chargeType: p.chargeType }),
        ...(p.serviceLevel === undefined ? {} : { serviceLevel: p.serviceLevel }),
      }),
    );
    if (!created) continue;
    if (b.account !== a.account) await attempt(() => peer.acceptPeering(created.id));
    peerings.set(p.id, created.id);
  }
  for (const r of document.routes ?? []) {
    const v = vpcs.get(r.vpc);
    const via = peerings.get(r.peering);
    if (!v || !via) continue;
    await attempt(() =>
      open(v.account, v.region).createRoute({ vpcId: v.id, destination: r.destination, peeringId: via }),
    );
  }
  return sorted(found);
}

/** The embedded engine, in memory, one session per account. */
export function localEngineLayer(): Layer {
  return {
    name: "local engine",
    async refusals(document) {
      const engine = LocalStateEngine.open({ file: ":memory:" });
      try {
        return await applyDocument(document, (account) => engine.session(account));
      } finally {
        engine.close();
      }
    },
  };
}

export const EMULATOR_ACCOUNTS: readonly EmulatorAccount[] = [
  {
    id: "300001",
    secretId: "AKIDconformanceA00000000000000001",
    secretKey: "conformanceSecretA0000000000000001",
  },
  {
    id: "300002",
    secretId: "AKIDconformanceB00000000000000002",
    secretKey: "conformanceSecretB0000000000000002",
  },
];

function backendOf(cloud: Cloud, url: string, account: EmulatorAccount, region: string): Backend {
  switch (cloud) {
    case "tencentcloud":
      return new TencentCloudBackend({
        account: account.id,
        region,
        secretId: account.secretId,
        secretKey: account.secretKey,
        endpoint: url,
        pacing: false,
        env: {},
      });
    case "huaweicloud":
      return new HuaweiCloudBackend({
        endpoint: url,
        region,
        accessKey: account.secretId,
        secretKey: account.secretKey,
        projectId: account.id,
        env: {},
      });
    case "baiducloud":
      return new BaiduCloudBackend({
        endpoint: url,
        region,
        accessKey: account.secretId,
        secretKey: account.secretKey,
        accountId: account.id,
        env: {},
      });
  }
}

/** A cloud's backend over HTTP against a fresh emulator per case (in-memory state, no rate limits). */
export function emulatorLayer(cloud: Cloud): Layer {
  return {
    name: `${cloud} backend → emulator`,
    clouds: [cloud],
    notApplicable(document) {
      // The Baidu protocol names the region only in the endpoint's host (bcc.<region>.baidubce.com); on the
      // emulator's one loopback address every request is in the default region.
      const regions = new Set((document.vpcs ?? []).map((v) => v.region));
      return cloud === "baiducloud" && regions.size > 1
        ? "Baidu's region is the endpoint's host; one loopback endpoint serves one region"
        : undefined;
    },
    async refusals(document) {
      const emulator: RunningEmulator = await startEmulator({
        accounts: EMULATOR_ACCOUNTS,
        rateLimits: false,
        port: 0,
      });
      const sessions = new Map<string, Backend>();
      try {
        return await applyDocument(document, (account, region) => {
          const key = `${account}/${region}`;
          let backend = sessions.get(key);
          if (!backend) {
            backend = backendOf(cloud, emulator.url, EMULATOR_ACCOUNTS[account === "A" ? 0 : 1]!, region);
            sessions.set(key, backend);
          }
          return backend;
        });
      } finally {
        for (const b of sessions.values()) await b.close();
        await emulator.close();
      }
    },
  };
}

type Props = Record<string, unknown>;
interface Resource {
  check(
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
}

/**
 * The Pulumi resources as `pulumi up` runs them: check (what `pulumi preview` shows), then create, for each
 * Peering and RouteRule, on the local backend; VPCs are there already (created out of band, as a stack finds
 * them). A failure's reason starts with its code.
 */
export function pulumiLayer(): Layer {
  return {
    name: "pulumi check → create",
    async refusals(document) {
      const dir = mkdtempSync(join(tmpdir(), "peerlink-conformance-"));
      const file = join(dir, "state.db");
      const engine = LocalStateEngine.open({ file });
      const connection = (account: string) => ({ kind: "local", stateFile: file, account });
      const found: string[] = [];
      const run = async (resource: Resource, news: Props): Promise<string | undefined> => {
        const checked = await resource.check({}, news);
        if (checked.failures.length > 0) {
          for (const f of checked.failures) {
            const code = /^([A-Z][A-Z0-9_]*)\b/.exec(f.reason)?.[1];
            if (code && CODES.has(code)) found.push(code);
          }
          return undefined;
        }
        try {
          return (await resource.create(checked.inputs)).id;
        } catch (error) {
          found.push(...codesOf(error));
          return undefined;
        }
      };
      try {
        const vpcs = new Map<string, { id: string; account: string; region: string }>();
        for (const v of document.vpcs ?? []) {
          const account = String(v.account);
          try {
            const created = await engine
              .session(account)
              .createVpc({ name: v.id, region: v.region, cidrs: v.cidrs, cloud: v.cloud });
            vpcs.set(v.id, { id: created.id, account, region: v.region });
          } catch (error) {
            found.push(...codesOf(error));
          }
        }
        const ids = new Map<string, string>();
        for (const p of document.peerings ?? []) {
          const a = vpcs.get(p.vpc);
          const b = vpcs.get(p.peerVpc);
          if (!a || !b) continue;
          const id = await run(peering as unknown as Resource, {
            connection: connection(a.account),
            vpcId: a.id,
            peerVpcId: b.id,
            name: p.name ?? p.id,
            ...(b.account === a.account ? {} : { peerAccount: b.account }),
            ...(b.region === a.region ? {} : { peerRegion: b.region }),
            ...(p.bandwidthMbps === undefined ? {} : { bandwidthMbps: p.bandwidthMbps }),
            ...(p.chargeType === undefined ? {} : { chargeType: p.chargeType }),
            ...(p.serviceLevel === undefined ? {} : { serviceLevel: p.serviceLevel }),
          });
          if (id) ids.set(p.id, id);
        }
        for (const r of document.routes ?? []) {
          const v = vpcs.get(r.vpc);
          const via = ids.get(r.peering);
          if (!v || !via) continue;
          await run(routeRule as unknown as Resource, {
            connection: connection(v.account),
            vpcId: v.id,
            destination: r.destination,
            peeringId: via,
          });
        }
        return sorted(found);
      } finally {
        closeCachedEngines();
        engine.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `cdktf synth` of the peerlink constructs for the document: the codes of the synth's `[path] CODE` lines. */
export const cdktfLayer: Layer = {
  name: "cdktf synth",
  async refusals(document) {
    const app = Testing.app();
    const stack = new TerraformStack(app, "conformance");
    const sites = new Map<string, VpcSite>();
    for (const v of document.vpcs ?? [])
      sites.set(v.id, {
        vpcId: v.id,
        cloud: v.cloud,
        region: v.region,
        account: String(v.account),
        cidrs: v.cidrs,
        mainRouteTableId: `rtb-${v.id}`,
      });
    const constructs = new Map<string, PeeringConstruct>();
    for (const p of document.peerings ?? []) {
      const vpc = sites.get(p.vpc);
      const peerVpc = sites.get(p.peerVpc);
      if (!vpc || !peerVpc) continue;
      constructs.set(
        p.id,
        new PeeringConstruct(stack, p.id, {
          cloud: vpc.cloud,
          vpc,
          peerVpc,
          name: p.name ?? p.id,
          ...(p.bandwidthMbps === undefined ? {} : { bandwidthMbps: p.bandwidthMbps }),
          ...(p.chargeType === undefined ? {} : { chargeType: p.chargeType }),
          ...(p.serviceLevel === undefined ? {} : { serviceLevel: p.serviceLevel }),
        }),
      );
    }
    (document.routes ?? []).forEach((r, i) => {
      const vpc = sites.get(r.vpc);
      const via = constructs.get(r.peering);
      if (!vpc || !via) return;
      new RouteRuleConstruct(stack, `route-${i}`, {
        cloud: vpc.cloud,
        vpc,
        peering: via,
        destination: r.destination,
      });
    });
    try {
      Testing.synth(stack, true);
      return [];
    } catch (error) {
      const text = String((error as Error).message);
      if (!text.startsWith("Validation failed")) throw error;
      return sorted(
        text
          .split("\n")
          .map((l) => /^\s*\[[^\]]+\] ([A-Z][A-Z0-9_]*)\b/.exec(l)?.[1])
          .filter((c): c is string => c !== undefined),
      );
    }
  },
};
