/**
 * TwoRegionsThreeCenters and HubAndSpoke through the provider plugin's `construct` on the real Pulumi CLI and the
 * local backend, as test/e2e/pulumi-plugin.test.ts does for TwoRegionDr: up (the components' peerings and routes
 * as plugin resources, children of the component, ACTIVE in the backend), a no-change preview, and destroy.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livePeerings, snapshot } from "./support/local.js";
import { PulumiStack, ROOT } from "./support/pulumi.js";

const PROGRAM = join(ROOT, "test", "e2e", "programs", "plugin-components-more");

describe("provider plugin: TwoRegionsThreeCenters and HubAndSpoke through construct", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(PROGRAM);
    stateFile = join(stack.stateDir, "plugin.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile });
  });
  afterAll(() => stack?.close());

  it("up makes each component's peerings and routes as plugin resources, children of the component", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = (await stack.outputs()) as Record<string, Record<string, string>>;
    // Three links between the three centres (by link); one peering per spoke, by its name (no spoke mesh by default).
    expect(Object.keys(outputs.threeCentersStatuses ?? {}).sort()).toEqual([
      "backup-dr",
      "production-backup",
      "production-dr",
    ]);
    expect(Object.values(outputs.threeCentersStatuses ?? {})).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    expect(Object.keys(outputs.hubStatuses ?? {}).sort()).toEqual(["hs-hub-a", "hs-hub-b"]);
    expect(Object.values(outputs.hubStatuses ?? {})).toEqual(["ACTIVE", "ACTIVE"]);
    expect((await stack.outputs()).threeCentersDailyCost).toEqual(expect.any(Number));

    const resources = await stack.resources();
    const childrenOf = (type: string, kind: string) =>
      resources.filter(
        (r) => r.urn.includes(`peerlink:index:${type}$`) && r.type === `peerlink:index:${kind}`,
      );
    expect(childrenOf("TwoRegionsThreeCenters", "Peering")).toHaveLength(3);
    expect(childrenOf("HubAndSpoke", "Peering")).toHaveLength(2);
    expect(resources.some((r) => r.type.startsWith("pulumi-nodejs:dynamic"))).toBe(false);

    const state = await snapshot(stateFile, "local");
    const ids = [
      ...Object.values(outputs.threeCentersPeeringIds ?? {}),
      ...Object.values(outputs.hubPeeringIds ?? {}),
    ].sort();
    expect(
      livePeerings(state.peerings)
        .map((p) => [p.id, p.status])
        .sort(),
    ).toEqual(ids.map((id) => [id, "ACTIVE"]));
    // Each peering routes both ways: every route in the backend is one of the components' RouteRules.
    const routeRules = resources.filter((r) => r.type === "peerlink:index:RouteRule");
    expect(routeRules.length).toBeGreaterThanOrEqual(2 * ids.length);
    expect(state.routes.map((r) => r.id).sort()).toEqual(routeRules.map((r) => r.id).sort());
  });

  it("previews no changes", async () => {
    const preview = await stack.preview(["--expect-no-changes"]);
    expect(preview.code, preview.output).toBe(0);
  });

  it("destroy removes the peerings, the routes and the VPCs", async () => {
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);
    const state = await snapshot(stateFile, "local");
    expect(state.vpcs).toEqual([]);
    expect(livePeerings(state.peerings)).toEqual([]);
  });
});
