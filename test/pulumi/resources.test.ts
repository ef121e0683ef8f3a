/**
 * The five resource classes under Pulumi mocks: what they register (the dynamic-resource type token, the inputs,
 * the serialized provider), the connection defaults from stack config `peerlink:*`, credentials wrapped as
 * secrets, and the options (`connection` as an additional secret output, delete-before-replace for a peering).
 */
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb.js";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

/**
 * The classes as a program gets them: the built package, loaded by Node itself. Loaded through vitest, their
 * provider's `import()` would be rewritten into vitest's own loader, which Pulumi cannot serialize (see
 * provider/pulumi/dynamic-provider.ts); `npm run build` runs first.
 */
const built = createRequire(import.meta.url)(
  "../../dist/provider/pulumi/index.js",
) as typeof import("../../provider/pulumi/index.js");
const { BandwidthPolicy, Peering, PeeringAcceptance, RouteRule, Vpc } = built;

/** @pulumi/pulumi runtime/rpc.js: how a secret travels in a resource's inputs. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const CONFIG_SECRET = "cfg-secret-key-9d1f";
const ARG_SECRET = "arg-secret-key-77aa";

type Props = Record<string, unknown>;
interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Props;
  readonly custom: boolean;
}

const registered: Registered[] = [];
const requests: RegisterResourceRequest[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          custom: args.custom ?? false,
        });
        return { id: `${args.name}-id`, state: { ...args.inputs, vpcId: `${args.name}-vpc` } };
      },
      call: (args) => args.inputs,
    },
    "peerlink-test",
    "dev",
    false,
  );
  // The options a resource registers with (additionalSecretOutputs...) are not in MockResourceArgs: read them
  // from the RegisterResourceRequest on its way to the mock monitor.
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterResourceRequest, callback: unknown): void;
  };
  const forward = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    requests.push(req);
    forward(req, callback);
  };
});

beforeEach(() => {
  registered.length = 0;
  requests.length = 0;
  pulumi.runtime.setAllConfig({}, []);
});

/** An Output's value once the mock monitor has answered. */
function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

async function registration(resource: pulumi.CustomResource) {
  const urn = await settled(resource.urn);
  const name = urn.split("::").pop();
  const entry = registered.find((r) => r.name === name);
  const request = requests.find((r) => r.getName() === name);
  if (!entry || !request) throw new Error(`${name} was not registered`);
  return { ...entry, request };
}

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

/** One of each, on inputs only (no other resource's outputs). */
function fiveResources() {
  return {
    vpc: new Vpc("vpc", { name: "app", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] }),
    peering: new Peering("peering", { vpcId: "vpc-a", peerVpcId: "vpc-b", name: "dr", bandwidthMbps: 100 }),
    acceptance: new PeeringAcceptance("acceptance", { peeringId: "pcx-1" }),
    route: new RouteRule("route", { vpcId: "vpc-a", destination: "10.1.0.0/16", peeringId: "pcx-1" }),
    policy: new BandwidthPolicy("policy", {
      peeringId: "pcx-1",
      limits: [{ ip: "10.0.0.5", limitMbps: 10 }],
    }),
  };
}

describe("registration", () => {
  it.each([
    ["vpc", "Vpc", "vpc"],
    ["peering", "Peering", "peering"],
    ["acceptance", "PeeringAcceptance", "peeringAcceptance"],
    ["route", "RouteRule", "routeRule"],
    ["policy", "BandwidthPolicy", "bandwidthPolicy"],
  ] as const)(
    "%s registers as pulumi-nodejs:dynamic/peerlink:%s with its serialized provider",
    async (key, type, kind) => {
      const resource = fiveResources()[key];
      const r = await registration(resource);
      // What `pulumi.dynamic.Resource` registers: the dynamic provider's package with peerlink as the module.
      expect(r.type).toBe(`pulumi-nodejs:dynamic/peerlink:${type}`);
      expect(r.request.getType()).toBe(r.type);
      expect(r.custom).toBe(true);
      const provider = r.inputs.__provider;
      expect(typeof provider).toBe("string");
      expect(provider).toContain(`kind: "${kind}"`);
      expect(provider).toContain('"peerlink/pulumi/runtime"');
    },
  );

  it.each(["vpc", "peering", "acceptance", "route", "policy"] as const)(
    "%s: additionalSecretOutputs includes connection",
    async (key) => {
      const r = await registration(fiveResources()[key]);
      expect(r.request.getAdditionalsecretoutputsList()).toContain("connection");
    },
  );

  it("only the Peering deletes before replacing (a second peering for the pair is refused)", async () => {
    const all = fiveResources();
    const flags = Object.fromEntries(
      await Promise.all(
        Object.entries(all).map(async ([key, resource]) => [
          key,
          (await registration(resource)).request.getDeletebeforereplace(),
        ]),
      ),
    );
    expect(flags).toEqual({ vpc: false, peering: true, acceptance: false, route: false, policy: false });
  });

  it("passes the declared inputs, not the output placeholders", async () => {
    const peering = new Peering("p", {
      vpcId: "vpc-a",
      peerVpcId: "vpc-b",
      peerRegion: "ap-beijing",
      peerAccount: "200000000002",
      name: "dr",
      description: "primary to standby",
      bandwidthMbps: 100,
      chargeType: "POSTPAID_BY_MONTH_95",
      serviceLevel: "gold",
      tags: { team: "net" },
      timeoutSeconds: 30,
    });
    const { inputs } = await registration(peering);
    const { __provider: _, ...rest } = inputs;
    expect(rest).toEqual({
      connection: { kind: "local" },
      vpcId: "vpc-a",
      peerVpcId: "vpc-b",
      peerRegion: "ap-beijing",
      peerAccount: "200000000002",
      name: "dr",
      description: "primary to standby",
      bandwidthMbps: 100,
      chargeType: "POSTPAID_BY_MONTH_95",
      serviceLevel: "gold",
      tags: { team: "net" },
      timeoutSeconds: 30,
      // What the URN is made of (project/stack/parent/type/name): the runtime's create token comes from it.
      createIdentity: "peerlink-test/dev//peerlink:Peering/p",
    });
  });

  it("a Vpc's outputs feed a Peering and a RouteRule", async () => {
    const a = new Vpc("a", { name: "a", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
    const b = new Vpc("b", { name: "b", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] });
    const p = new Peering("ab", { vpcId: a.vpcId, peerVpcId: b.vpcId, name: "ab" });
    const route = new RouteRule("a-to-b", { vpcId: a.vpcId, destination: "10.1.0.0/16", peeringId: p.id });
    expect((await registration(p)).inputs).toMatchObject({ vpcId: "a-vpc", peerVpcId: "b-vpc" });
    expect((await registration(route)).inputs).toMatchObject({ vpcId: "a-vpc", peeringId: "ab-id" });
  });
});

describe("the connection: stack config defaults, credentials as secrets", () => {
  it("defaults to local with no config", async () => {
    const { inputs } = await registration(new Vpc("v", { name: "v", region: "r", cidrs: ["10.0.0.0/16"] }));
    expect(inputs.connection).toEqual({ kind: "local" });
  });

  it("takes every peerlink:* key from stack config, the credentials as secrets", async () => {
    pulumi.runtime.setAllConfig(
      {
        "peerlink:backend": "tencentcloud",
        "peerlink:region": "ap-guangzhou",
        "peerlink:endpoint": "http://127.0.0.1:4566",
        "peerlink:account": "100000000001",
        "peerlink:projectId": "0",
        "peerlink:secretId": "AKID-config",
        "peerlink:secretKey": CONFIG_SECRET,
      },
      ["peerlink:secretId", "peerlink:secretKey"],
    );
    const all = fiveResources();
    for (const resource of Object.values(all)) {
      const { inputs, request } = await registration(resource);
      // A secret inside an object makes the SDK send the whole object as a secret: the credentials with it.
      expect(inputs.connection).toEqual(
        secret({
          kind: "tencentcloud",
          region: "ap-guangzhou",
          endpoint: "http://127.0.0.1:4566",
          account: "100000000001",
          projectId: "0",
          secretId: "AKID-config",
          secretKey: CONFIG_SECRET,
        }),
      );
      // The serialized provider captures nothing from the connection.
      expect(String(inputs.__provider)).not.toContain(CONFIG_SECRET);
      expect(request.getAdditionalsecretoutputsList()).toContain("connection");
    }
  });

  it("a local state file from config", async () => {
    pulumi.runtime.setAllConfig(
      { "peerlink:stateFile": "/srv/peerlink/state.db", "peerlink:account": "ops" },
      [],
    );
    const { inputs } = await registration(new PeeringAcceptance("a", { peeringId: "pcx-1" }));
    expect(inputs.connection).toEqual({ kind: "local", stateFile: "/srv/peerlink/state.db", account: "ops" });
  });

  it("explicit connection arguments win over config; a plain credential argument becomes a secret", async () => {
    pulumi.runtime.setAllConfig(
      {
        "peerlink:backend": "tencentcloud",
        "peerlink:region": "ap-guangzhou",
        "peerlink:secretKey": CONFIG_SECRET,
      },
      ["peerlink:secretKey"],
    );
    const peering = new Peering("p", {
      connection: { kind: "huaweicloud", region: "cn-north-4", secretId: "AK-arg", secretKey: ARG_SECRET },
      vpcId: "vpc-a",
      peerVpcId: "vpc-b",
      name: "dr",
    });
    const { inputs } = await registration(peering);
    expect(inputs.connection).toEqual(
      secret({ kind: "huaweicloud", region: "cn-north-4", secretId: "AK-arg", secretKey: ARG_SECRET }),
    );
    expect(JSON.stringify(inputs)).not.toContain(CONFIG_SECRET);
  });

  it("the resource's connection output is secret", async () => {
    pulumi.runtime.setAllConfig({ "peerlink:secretKey": CONFIG_SECRET }, ["peerlink:secretKey"]);
    const vpc = new Vpc("v", { name: "v", region: "r", cidrs: ["10.0.0.0/16"] });
    const connection = (vpc as unknown as { connection: pulumi.Output<unknown> }).connection;
    expect(await pulumi.isSecret(connection)).toBe(true);
  });
});
