/**
 * `pulumi import` through the provider plugin of each importable type (Vpc, Peering, PeeringAcceptance,
 * RouteRule), made out of band on the local backend, then a preview of the program a user writes for them: only
 * the values that differ from the defaults (no `cloud`, no `timeoutSeconds`, no main route table). That preview
 * must show no changes (issue 13: "producing inputs that make the next preview show no changes"), and so must the
 * same program naming the default cloud explicitly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../provider/cli/main.js";
import { startEmulator } from "../../provider/emulator/server.js";
import { tencentClient } from "../emulator/support.js";
import { snapshot, withLocal } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test", "e2e", "programs", "plugin-import");
const ACCOUNT = "100000000003";

describe("provider plugin: pulumi import, then a no-change preview of the program as a user writes it", () => {
  let stack: PulumiStack;
  let stateFile: string;
  let made: { a: string; b: string; peering: string; table: string; route: string };

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM);
    stateFile = join(stack.stateDir, "import.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    made = await withLocal(stateFile, ACCOUNT, async (backend) => {
      const a = await backend.createVpc({ name: "imp-a", region: "ap-guangzhou", cidrs: ["10.20.0.0/16"] });
      const b = await backend.createVpc({ name: "imp-b", region: "ap-guangzhou", cidrs: ["10.21.0.0/16"] });
      const peering = await backend.createPeering({ vpcId: a.id, peerVpcId: b.id, name: "imp-ab" });
      const table = a.routeTables.find((t) => t.main)?.id ?? "";
      const route = await backend.createRoute({
        vpcId: a.id,
        destination: "10.21.0.0/16",
        peeringId: peering.id,
      });
      return { a: a.id, b: b.id, peering: peering.id, table, route: route.id };
    });
    await stack.init({
      "peerlink:stateFile": stateFile,
      "peerlink:account": ACCOUNT,
      ids: JSON.stringify({ peeringId: made.peering }),
    });
  });
  afterAll(() => stack?.close());

  it("imports each type by its documented id", async () => {
    const file = join(stack.stateDir, "import.json");
    const resources = [
      { type: "peerlink:index:Vpc", name: "imp-a", id: made.a },
      { type: "peerlink:index:Vpc", name: "imp-b", id: made.b },
      { type: "peerlink:index:Peering", name: "imp-ab", id: made.peering },
      { type: "peerlink:index:PeeringAcceptance", name: "imp-ab-accept", id: made.peering },
      { type: "peerlink:index:RouteRule", name: "imp-a-to-b", id: `${made.table}/${made.route}` },
    ];
    writeFileSync(file, JSON.stringify({ resources }));
    const imported = await stack.import(["--file", file]);
    expect(imported.code, imported.output).toBe(0);
    const records = await stack.resources();
    const byName = (name: string) => records.find((r) => r.urn.endsWith(`::${name}`));
    expect(byName("imp-a")?.id).toBe(made.a);
    expect(byName("imp-ab")?.id).toBe(made.peering);
    expect(byName("imp-ab-accept")?.id).toBe(`${made.peering}:accept`);
    expect(byName("imp-a-to-b")?.id).toBe(made.route);
    // The recorded inputs are what the program declares: no defaulted value the program leaves out.
    expect(byName("imp-a")?.inputs).toEqual({
      name: "imp-a",
      region: "ap-guangzhou",
      cidrs: ["10.20.0.0/16"],
    });
    expect(byName("imp-ab")?.inputs).not.toHaveProperty("timeoutSeconds");
    expect(byName("imp-a-to-b")?.inputs).not.toHaveProperty("routeTableId");
  });

  it("previews no changes for the program that omits the defaults", async () => {
    const { summary, result } = await stack.previewSummary(["--expect-no-changes"]);
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
  });

  it("previews no changes either when the program names the default cloud", async () => {
    await stack.ok(["config", "set", "--stack", stack.stack, "cloud", "true"]);
    const { summary, result } = await stack.previewSummary(["--expect-no-changes"]);
    await stack.ok(["config", "rm", "--stack", stack.stack, "cloud"]);
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
  });

  it("the first up after the import changes nothing and records the program's dependencies", async () => {
    // `pulumi import` records no dependencies between the imported resources; until an `up` writes the program's,
    // a destroy would delete them in any order (a VPC before its peering: VPC_IN_USE).
    const up = await stack.up(["--expect-no-changes"]);
    expect(up.code, up.output).toBe(0);
    const records = await stack.resources();
    const peering = records.find((r) => r.urn.endsWith("::imp-ab"));
    const vpcA = records.find((r) => r.urn.endsWith("::imp-a"));
    expect(peering?.dependencies ?? []).toContain(vpcA?.urn);
  });

  it("destroy removes what it now manages", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.vpcs).toEqual([]);
  });
});

describe("provider plugin: an estate peerlink discover read, adopted with its --format pulumi-import file", () => {
  const account = {
    id: "100000000004",
    secretId: `AKIDdiscoverimport${"4".repeat(18)}`,
    secretKey: `discoverImportKey${"4".repeat(17)}`,
  };
  let stack: PulumiStack;
  let file: string;
  let stateFile: string;
  let made: { a: string; b: string; peering: string; subnet: string };

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM);
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    // The estate is made on the emulator with Tencent's official client, then discovered over the wire.
    const emulator = await startEmulator({
      accounts: [account],
      rateLimits: false,
      port: 0,
      stateDir: join(stack.stateDir, "emulator"),
    });
    try {
      const client = tencentClient(emulator.url, account);
      const vpc = async (name: string, cidr: string) =>
        (
          (await client.request("CreateVpc", { VpcName: name, CidrBlock: cidr })) as {
            Vpc: { VpcId: string };
          }
        ).Vpc.VpcId;
      const a = await vpc("disc-a", "10.30.0.0/16");
      const b = await vpc("disc-b", "10.31.0.0/16");
      const { PeeringConnectionId: peering } = (await client.request("CreateVpcPeeringConnection", {
        SourceVpcId: a,
        DestinationVpcId: b,
        PeeringConnectionName: "disc-ab",
      })) as { PeeringConnectionId: string };
      const table = (
        (await client.request("DescribeRouteTables", { Filters: [{ Name: "vpc-id", Values: [a] }] })) as {
          RouteTableSet: { RouteTableId: string }[];
        }
      ).RouteTableSet[0]!.RouteTableId;
      await client.request("CreateRoutes", {
        RouteTableId: table,
        Routes: [{ DestinationCidrBlock: "10.31.0.0/16", GatewayType: "PEERCONNECTION", GatewayId: peering }],
      });
      const subnet = (
        (await client.request("CreateSubnet", {
          VpcId: a,
          SubnetName: "disc-a-web",
          CidrBlock: "10.30.1.0/24",
          Zone: "ap-guangzhou-3",
        })) as { Subnet: { SubnetId: string } }
      ).Subnet.SubnetId;
      made = { a, b, peering, subnet };
      file = join(stack.stateDir, "discovered-import.json");
      let stderr = "";
      const code = await run(
        [
          "discover",
          "--backend",
          "tencentcloud",
          "--region",
          "ap-guangzhou",
          "--account",
          account.id,
          "--endpoint",
          emulator.url,
          "--format",
          "pulumi-import",
          "-o",
          file,
        ],
        {
          stdout: { write: () => undefined },
          stderr: { write: (t: string) => (stderr += t) },
          env: { TENCENTCLOUD_SECRET_ID: account.secretId, TENCENTCLOUD_SECRET_KEY: account.secretKey },
        },
      );
      expect(code, stderr).toBe(0);
      stateFile = emulator.stateFile;
    } finally {
      await emulator.close();
    }
    // The plugin reads the same state file through the local backend: the emulator's ids are its ids.
    await stack.init({
      "peerlink:stateFile": stateFile,
      "peerlink:account": account.id,
      ids: JSON.stringify({ peeringId: made.peering }),
    });
  });
  afterAll(() => stack?.close());

  it("imports every resource the file names, by the plugin's import ids", async () => {
    const { resources } = JSON.parse(readFileSync(file, "utf8")) as {
      resources: { type: string; name: string; id: string }[];
    };
    // VPCs in id order, then the peering, then the routes.
    const vpcs = [made.a, made.b].sort().map((id) => (id === made.a ? "disc-a" : "disc-b"));
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      ...vpcs.map((n) => `peerlink:index:Vpc ${n}`),
      "peerlink:index:Subnet disc-a-web",
      "peerlink:index:Peering disc-ab",
      "peerlink:index:RouteRule disc-a-to-10-31-0-0-16",
    ]);
    const imported = await stack.import(["--file", file]);
    expect(imported.code, imported.output).toBe(0);
    const records = await stack.resources();
    const byName = (name: string) => records.find((r) => r.urn.endsWith(`::${name}`));
    expect(byName("disc-a")?.id).toBe(made.a);
    expect(byName("disc-b")?.inputs).toEqual({
      name: "disc-b",
      region: "ap-guangzhou",
      cidrs: ["10.31.0.0/16"],
    });
    expect(byName("disc-ab")?.id).toBe(made.peering);
    expect(byName("disc-a-web")?.id).toBe(made.subnet);
    expect(byName("disc-a-web")?.inputs).toEqual({ vpcId: made.a, name: "disc-a-web", cidr: "10.30.1.0/24" });
    expect(byName("disc-ab")?.inputs).toMatchObject({ vpcId: made.a, peerVpcId: made.b, name: "disc-ab" });
    expect(byName("disc-a-to-10-31-0-0-16")?.inputs).toMatchObject({
      vpcId: made.a,
      destination: "10.31.0.0/16",
      peeringId: made.peering,
    });
  });
});

describe("provider plugin: a two-account estate adopted with one import file, each account through its provider", () => {
  const PROGRAM_ACCOUNTS = join(ROOT, "test", "e2e", "programs", "plugin-import-accounts");
  const app = {
    id: "100000000005",
    secretId: `AKIDimportapp${"5".repeat(23)}`,
    secretKey: `importAppKey${"5".repeat(22)}`,
  };
  const net = {
    id: "100000000006",
    secretId: `AKIDimportnet${"6".repeat(23)}`,
    secretKey: `importNetKey${"6".repeat(22)}`,
  };
  let stack: PulumiStack;
  let file: string;
  let made: { app: string; net: string; peering: string };
  const providerUrn = (name: string) =>
    `urn:pulumi:${stack.stack}::peerlink-e2e-plugin-import-accounts::pulumi:providers:peerlink::${name}`;

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM_ACCOUNTS);
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    const emulator = await startEmulator({
      accounts: [app, net],
      rateLimits: false,
      port: 0,
      stateDir: join(stack.stateDir, "emulator"),
    });
    let stateFile: string;
    try {
      // Journey 2's estate, made with Tencent's official client: the app account requests, the network accepts.
      const [a, n] = [tencentClient(emulator.url, app), tencentClient(emulator.url, net)];
      const vpc = async (client: typeof a, name: string, cidr: string) =>
        (
          (await client.request("CreateVpc", { VpcName: name, CidrBlock: cidr })) as {
            Vpc: { VpcId: string };
          }
        ).Vpc.VpcId;
      const appVpc = await vpc(a, "app", "10.40.0.0/16");
      const netVpc = await vpc(n, "net", "10.41.0.0/16");
      const { PeeringConnectionId: peering } = (await a.request("CreateVpcPeeringConnection", {
        SourceVpcId: appVpc,
        DestinationVpcId: netVpc,
        DestinationUin: net.id,
        PeeringConnectionName: "app-net",
      })) as { PeeringConnectionId: string };
      await n.request("AcceptVpcPeeringConnection", { PeeringConnectionId: peering });
      for (const [client, vpcId, destination] of [
        [a, appVpc, "10.41.0.0/16"],
        [n, netVpc, "10.40.0.0/16"],
      ] as const) {
        const table = (
          (await client.request("DescribeRouteTables", {
            Filters: [{ Name: "vpc-id", Values: [vpcId] }],
          })) as {
            RouteTableSet: { RouteTableId: string }[];
          }
        ).RouteTableSet[0]!.RouteTableId;
        await client.request("CreateRoutes", {
          RouteTableId: table,
          Routes: [{ DestinationCidrBlock: destination, GatewayType: "PEERCONNECTION", GatewayId: peering }],
        });
      }
      made = { app: appVpc, net: netVpc, peering };
      const profile = join(stack.stateDir, "accounts.json");
      writeFileSync(
        profile,
        JSON.stringify({
          connections: [app, net].map((x) => ({
            backend: "tencentcloud",
            account: x.id,
            regions: ["ap-guangzhou"],
            endpoint: emulator.url,
            credentials: { secretIdEnv: `ID_${x.id}`, secretKeyEnv: `KEY_${x.id}` },
          })),
        }),
      );
      file = join(stack.stateDir, "two-accounts-import.json");
      let stderr = "";
      const code = await run(
        [
          "discover",
          "--profile",
          profile,
          "--format",
          "pulumi-import",
          "--pulumi-provider",
          `${app.id}=${providerUrn("app")}`,
          "--pulumi-provider",
          `${net.id}=${providerUrn("net")}`,
          "-o",
          file,
        ],
        {
          stdout: { write: () => undefined },
          stderr: { write: (t: string) => (stderr += t) },
          env: Object.fromEntries(
            [app, net].flatMap((x) => [
              [`ID_${x.id}`, x.secretId],
              [`KEY_${x.id}`, x.secretKey],
            ]),
          ),
        },
      );
      expect(code, stderr).toBe(0);
      stateFile = emulator.stateFile;
    } finally {
      await emulator.close();
    }
    await stack.init({ stateFile, appAccount: app.id, netAccount: net.id });
    // The providers must be in the stack before an import can name them.
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
  });
  afterAll(() => stack?.close());

  it("imports the request with the app provider and the acceptance and the network's side with the net provider", async () => {
    const imported = await stack.import(["--file", file]);
    expect(imported.code, imported.output).toBe(0);
    // The VPCs are named like the providers ("app", "net"): look among the peerlink resources only.
    const records = (await stack.resources()).filter((r) => r.type.startsWith("peerlink:index:"));
    const byName = (name: string) => records.find((r) => r.urn.endsWith(`::${name}`));
    const via = (name: string) => byName(name)?.provider?.split("::").slice(0, -1).join("::");
    expect(byName("app-net")?.id).toBe(made.peering);
    expect(via("app-net")).toBe(providerUrn("app"));
    expect(byName("app-net-accept")?.id).toBe(`${made.peering}:accept`);
    expect(via("app-net-accept")).toBe(providerUrn("net"));
    expect(byName("net")?.id).toBe(made.net);
    expect(via("net")).toBe(providerUrn("net"));
    expect(via("app")).toBe(providerUrn("app"));
    expect(via("net-to-10-40-0-0-16")).toBe(providerUrn("net"));
    expect(byName("net-to-10-40-0-0-16")?.inputs).toMatchObject({ vpcId: made.net, peeringId: made.peering });
  });
});
