/**
 * One account's part of a discovered estate as Pulumi's bulk import file (provider/backends/discover/pulumi-import.ts):
 * what the account owns and nothing else, the plugin's import ids, unique names, a stable order.
 */
import { describe, expect, it } from "vitest";
import type { PeeringInfo, RouteInfo, SubnetInfo, VpcInfo } from "../../provider/backends/backend.js";
import type { SessionEstate } from "../../provider/backends/discover/discover.js";
import { logicalName, pulumiImportFile } from "../../provider/backends/discover/pulumi-import.js";
import { peeringInfo, vpcInfo } from "./support/infos.js";

const vpc = (id: string, name: string, account = "1"): VpcInfo =>
  vpcInfo({ id, name, account, routeTables: [{ id: `rtb-${id}`, vpcId: id, name: "main", main: true }] });

const peering = (id: string, name: string, extra: Partial<PeeringInfo>): PeeringInfo =>
  peeringInfo({ id, name, ...extra });

const route = (id: string, vpcId: string, destination: string, peeringId: string): RouteInfo => ({
  id,
  vpcId,
  routeTableId: `rtb-${vpcId}`,
  destination,
  peeringId,
  description: "",
  createdAt: "2026-12-01T00:00:00Z",
});

const subnet = (id: string, vpcId: string, name: string): SubnetInfo => ({
  id,
  vpcId,
  name,
  cidr: "10.0.1.0/24",
  gatewayIp: "10.0.1.1",
  ipv6: false,
  ipv6Cidr: undefined,
  createdAt: "2026-12-01T00:00:00Z",
});

const estate = (over: Partial<SessionEstate>): SessionEstate => ({
  vpcs: [],
  peerings: [],
  routes: [],
  ...over,
});

describe("pulumiImportFile", () => {
  const estates: SessionEstate[] = [
    estate({
      vpcs: [vpc("vpc-b", "app"), vpc("vpc-a", "app"), vpc("vpc-x", "partner", "2")],
      peerings: [
        peering("pcx-1", "a-b", {}),
        // Requested by account 2, accepted by account 1: account 1 imports its acceptance.
        peering("pcx-2", "x-a", { vpcId: "vpc-x", account: "2", peerVpcId: "vpc-a" }),
        // Waiting for account 2: account 1 imports the request.
        peering("pcx-3", "a-x", { peerVpcId: "vpc-x", peerAccount: "2", status: "PENDING" }),
        // Leftovers are not adopted.
        peering("pcx-4", "old", { status: "REJECTED" }),
        peering("pcx-5", "stale", { status: "EXPIRED" }),
        // A request of account 2 not yet accepted: nothing of account 1's to adopt.
        peering("pcx-6", "x-b", { vpcId: "vpc-x", account: "2", peerVpcId: "vpc-b", status: "PENDING" }),
      ],
      routes: [route("r-2", "vpc-b", "10.0.0.0/16", "pcx-1"), route("r-1", "vpc-a", "10.1.0.0/16", "pcx-1")],
      subnets: [
        subnet("subnet-2", "vpc-b", "web"),
        subnet("subnet-1", "vpc-a", "web"),
        subnet("subnet-x", "vpc-x", "x"),
      ],
    }),
    // Another region of the same account lists the same peering again: it is imported once.
    estate({
      peerings: [peering("pcx-1", "a-b", {})],
      routes: [route("r-9", "vpc-x", "10.0.0.0/16", "pcx-2")],
    }),
  ];

  it("names what account 1 owns, by the plugin's import ids, each name unique within its type", () => {
    expect(pulumiImportFile(estates, ["1"]).resources).toEqual([
      { type: "peerlink:index:Vpc", name: "app", id: "vpc-a" },
      // The second VPC named "app" gets its id after the name.
      { type: "peerlink:index:Vpc", name: "app-vpc-b", id: "vpc-b" },
      { type: "peerlink:index:Subnet", name: "web", id: "subnet-1" },
      { type: "peerlink:index:Subnet", name: "web-subnet-2", id: "subnet-2" },
      { type: "peerlink:index:Peering", name: "a-b", id: "pcx-1" },
      { type: "peerlink:index:Peering", name: "a-x", id: "pcx-3" },
      { type: "peerlink:index:PeeringAcceptance", name: "x-a-accept", id: "pcx-2" },
      { type: "peerlink:index:RouteRule", name: "app-to-10-1-0-0-16", id: "rtb-vpc-a/r-1" },
      { type: "peerlink:index:RouteRule", name: "app-vpc-b-to-10-0-0-0-16", id: "rtb-vpc-b/r-2" },
    ]);
  });

  it("gives account 2 its own share: its VPC, its requests, its routes", () => {
    expect(pulumiImportFile(estates, ["2"]).resources).toEqual([
      { type: "peerlink:index:Vpc", name: "partner", id: "vpc-x" },
      { type: "peerlink:index:Subnet", name: "x", id: "subnet-x" },
      { type: "peerlink:index:Peering", name: "x-a", id: "pcx-2" },
      { type: "peerlink:index:Peering", name: "x-b", id: "pcx-6" },
      { type: "peerlink:index:RouteRule", name: "partner-to-10-0-0-0-16", id: "rtb-vpc-x/r-9" },
    ]);
  });

  it("names a resource without a cloud name by its id", () => {
    const file = pulumiImportFile([estate({ vpcs: [vpc("vpc-a", "")] })], ["1"]);
    expect(file.resources).toEqual([{ type: "peerlink:index:Vpc", name: "vpc-a", id: "vpc-a" }]);
  });

  it("reads each account's resources through that account's provider, named in the nameTable", () => {
    const providers = {
      "1": "urn:pulumi:s::p::pulumi:providers:peerlink::app",
      "2": "urn:pulumi:s::p::pulumi:providers:peerlink::net",
    };
    const file = pulumiImportFile(estates, ["1", "2"], providers);
    expect(file.nameTable).toEqual({ "provider-1": providers["1"], "provider-2": providers["2"] });
    const byId = (id: string) =>
      file.resources.filter((r) => r.id === id).map((r) => `${r.type} ${r.provider}`);
    // pcx-2: requested by 2, accepted by 1; both halves are in the file, each with its own account's provider.
    expect(byId("pcx-2")).toEqual([
      "peerlink:index:Peering provider-2",
      "peerlink:index:PeeringAcceptance provider-1",
    ]);
    expect(byId("vpc-x")).toEqual(["peerlink:index:Vpc provider-2"]);
    expect(byId("rtb-vpc-x/r-9")).toEqual(["peerlink:index:RouteRule provider-2"]);
    // One namer for the file: names stay unique across the accounts.
    const names = file.resources.map((r) => `${r.type} ${r.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(() => pulumiImportFile(estates, ["1", "2"])).toThrow(/need a provider each/);
  });

  it.each([
    ["生产 VPC", "生产-VPC"],
    ["a::b", "a-b"],
    ["  web / db  ", "web-db"],
    ["app_1.prod-x", "app_1.prod-x"],
    ["***", ""],
  ])("makes the cloud name %j the logical name %j", (cloud, logical) => {
    expect(logicalName(cloud)).toBe(logical);
  });

  it("names a resource whose cloud name has nothing left by its id", () => {
    const file = pulumiImportFile([estate({ vpcs: [vpc("vpc-a", "***")] })], ["1"]);
    expect(file.resources[0]?.name).toBe("vpc-a");
  });
});
