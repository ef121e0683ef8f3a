/**
 * Discovery with credentials that may not list subnets (a narrow read-only policy written before discover read
 * them): the estate is still read, the document carries no `subnets` list (so an audit compares none rather than
 * calling every declared subnet missing), and stderr says so. Any other failure of the subnet listing still ends
 * the discovery.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Backend, SubnetInfo, VpcInfo } from "../../provider/backends/backend.js";
import { discoverEstate, type SessionCounts } from "../../provider/backends/discover/discover.js";
import { BackendError } from "../../provider/backends/errors.js";
import { run } from "../../provider/cli/main.js";
import type { TopologyDocument } from "../../provider/core/topology-schema.js";
import { handlers } from "../../provider/emulator/handlers.js";
import type { EmulatorAccount, ProtocolHandler } from "../../provider/emulator/protocol.js";
import { type RunningEmulator, startEmulator } from "../../provider/emulator/server.js";
import { tencentClient } from "../emulator/support.js";
import { vpcInfo } from "./support/infos.js";

const vpc = (id: string): VpcInfo => vpcInfo({ id, name: id });

function backend(listSubnets: (vpcId: string) => Promise<readonly SubnetInfo[]>, calls: string[]): Backend {
  return {
    kind: "fake",
    account: "1",
    capabilities: () => ({ subnets: true }),
    listVpcs: async () => Array.from({ length: 10 }, (_, i) => vpc(`vpc-${i}`)),
    listRoutes: async () => [],
    listPeerings: async () => ({ items: [], total: 0 }),
    listSubnets: async (id: string) => {
      calls.push(id);
      return listSubnets(id);
    },
  } as unknown as Backend;
}

describe("discoverEstate when the subnet listing is refused", () => {
  it("reads the rest, leaves the subnets list out and says why, after at most one call per worker", async () => {
    const calls: string[] = [];
    const denied = backend(async () => {
      throw new BackendError("PERMISSION_DENIED", "not allowed to DescribeSubnets", {
        cloudCode: "UnauthorizedOperation",
      });
    }, calls);
    const counts: SessionCounts[] = [];
    const doc = await discoverEstate([{ name: "acct", region: "ap-guangzhou", backend: denied }], {
      onSession: (c) => counts.push(c),
    });
    expect(doc.vpcs).toHaveLength(10);
    expect(doc.subnets).toBeUndefined();
    expect(counts[0]?.subnetsNotRead).toMatch(/^PERMISSION_DENIED: .*\(cloud code UnauthorizedOperation\)$/);
    // The first refusal stops the other VPCs' calls: the pool's 4 workers each made at most one.
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it("any other failure still ends the discovery", async () => {
    const broken = backend(async () => {
      throw new BackendError("BACKEND_UNAVAILABLE", "the cloud answered 503", { cloudCode: "InternalError" });
    }, []);
    await expect(
      discoverEstate([{ name: "acct", region: "ap-guangzhou", backend: broken }]),
    ).rejects.toMatchObject({ code: "BACKEND_UNAVAILABLE" });
  });
});

describe("peerlink discover with credentials that may not list subnets (Tencent emulator)", () => {
  const A: EmulatorAccount = {
    id: "700001",
    secretId: `AKIDdenied${"7".repeat(26)}`,
    secretKey: `deniedSecretKey${"7".repeat(19)}`,
  };
  let emulator: RunningEmulator;
  /** Tencent's handler, answering DescribeSubnets as Tencent answers an action the policy does not allow. */
  const denying = (inner: ProtocolHandler): ProtocolHandler =>
    inner.cloud !== "tencentcloud"
      ? inner
      : {
          ...inner,
          matches: (request) => inner.matches(request),
          faultResponse: (kind, request) => inner.faultResponse(kind, request),
          async handle(request, context) {
            if (request.headers["x-tc-action"] !== "DescribeSubnets") return inner.handle(request, context);
            return {
              status: 200,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                Response: {
                  Error: {
                    Code: "UnauthorizedOperation",
                    Message: "you are not authorized to DescribeSubnets",
                  },
                  RequestId: "00000000-0000-0000-0000-000000000001",
                },
              }),
            };
          },
        };

  beforeAll(async () => {
    emulator = await startEmulator({
      accounts: [A],
      rateLimits: false,
      port: 0,
      handlers: handlers.map(denying),
    });
    await tencentClient(emulator.url, A).request("CreateVpc", { VpcName: "app", CidrBlock: "10.0.0.0/16" });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function peerlink(command: "discover" | "audit", ...more: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await run(
      [
        command,
        "--backend",
        "tencentcloud",
        "--region",
        "ap-guangzhou",
        "--account",
        A.id,
        "--endpoint",
        emulator.url,
        "--format",
        "json",
        ...more,
      ],
      {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: { TENCENTCLOUD_SECRET_ID: A.secretId, TENCENTCLOUD_SECRET_KEY: A.secretKey },
      },
    );
    return { code, stdout, stderr };
  }

  it("writes the VPCs without a subnets list, warns on stderr, and exits 0", async () => {
    const { code, stdout, stderr } = await peerlink("discover", "--progress");
    expect(code).toBe(0);
    // The counts say "not read", not "0 subnets".
    expect(stderr).toContain("1 VPCs, 0 peerings, 0 routes, subnets not read\n");
    expect(stderr).toContain("(0 peer VPCs not visible), 0 peerings, 0 routes, subnets not read\n");
    const doc = JSON.parse(stdout) as TopologyDocument;
    expect(doc.vpcs.map((v) => v.name)).toEqual(["app"]);
    expect(doc.subnets).toBeUndefined();
    expect(stderr).toContain(
      `warning: subnets of tencentcloud:${A.id} ap-guangzhou (account ${A.id}) not read: PERMISSION_DENIED`,
    );
    expect(stderr).toContain("allow the cloud's subnet listing (Tencent DescribeSubnets");
    expect(stderr).not.toContain(A.secretKey);
  });

  it("audit --against a declaration with subnets compares none and says so, instead of calling them missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-denied-"));
    try {
      const file = join(dir, "network.json");
      writeFileSync(
        file,
        JSON.stringify({
          vpcs: [
            {
              id: "app",
              cloud: "tencentcloud",
              region: "ap-guangzhou",
              account: A.id,
              cidrs: ["10.0.0.0/16"],
            },
          ],
          subnets: [{ id: "web", vpc: "app", cidr: "10.0.1.0/24" }],
        }),
      );
      const { code, stdout, stderr } = await peerlink("audit", "--against", file);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ ok: true, diagnostics: [] });
      expect(stderr).toContain(
        `peerlink: audit: warning: ${file} declares subnets, but the live estate has no subnets list`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
