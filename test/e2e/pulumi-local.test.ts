/**
 * The real Pulumi CLI on the embedded local backend: the two-region DR example's whole lifecycle (up, a preview
 * and a refresh that find nothing to do, drift made out of band and repaired, destroy), a cross-account request
 * rejected out of band, a plan-time refusal, and the CrossGuard policy pack. Every assertion about what exists
 * asks the backend itself (the stack's SQLite state file), not only what Pulumi says.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_DEFAULT_ACCOUNT } from "../../provider/pulumi/runtime/connection.js";
import {
  type EngineReport,
  livePeerings,
  nameOf,
  parseEngineEvents,
  policyPackDir,
  snapshot,
  withLocal,
} from "./support/local.js";
import { changes, PulumiStack, parsePreview, ROOT } from "./support/pulumi.js";

const PROGRAMS = join(ROOT, "test", "e2e", "programs");
const ROUTE_RULE = "pulumi-nodejs:dynamic/peerlink:RouteRule";
const PEERING = "pulumi-nodejs:dynamic/peerlink:Peering";

/** A stack whose local backend state lives in its own temporary directory. */
function localStack(programDir: string): { stack: PulumiStack; stateFile: string } {
  const stack = new PulumiStack(programDir);
  const stateFile = join(stack.stateDir, "peerlink.db");
  stack.env.PEERLINK_STATE = stateFile;
  // The programs name their accounts, or rely on the local default: never on the caller's environment.
  delete stack.env.PEERLINK_ACCOUNT;
  return { stack, stateFile };
}

async function refreshReport(stack: PulumiStack, extra: string[] = []): Promise<EngineReport> {
  const result = await stack.refresh(["--json", ...extra]);
  expect(result.code, result.output).toBe(0);
  return parseEngineEvents(result.stdout);
}

async function upReport(stack: PulumiStack): Promise<EngineReport> {
  const result = await stack.up(["--json"]);
  expect(result.code, result.output).toBe(0);
  return parseEngineEvents(result.stdout);
}

/** The URNs' names of the steps of one operation, sorted. */
function namesOf(report: EngineReport, op: string, type?: string): string[] {
  return report.steps
    .filter((s) => s.op === op && (type === undefined || s.type === type))
    .map((s) => nameOf(s.urn))
    .sort();
}

describe("two-region DR example on the local backend: lifecycle, drift, destroy", () => {
  const account = LOCAL_DEFAULT_ACCOUNT;
  let stack: PulumiStack;
  let stateFile: string;
  /** Everything the stack created in the backend, for the destroy check. */
  const vpcIds = new Set<string>();
  const peeringIds = new Set<string>();
  const routeTableIds = new Set<string>();

  const routeUrnName = "payments-dr-peering-route-payments-gz-app-10.1.0.0-16";

  beforeAll(async () => {
    ({ stack, stateFile } = localStack(ROOT));
    await stack.init();
  });
  afterAll(() => stack?.close());

  it("up creates the VPCs, the peering and the routes; the peering is ACTIVE", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.peeringStatus).toBe("ACTIVE");

    const state = await snapshot(stateFile, account);
    expect(state.vpcs.map((v) => v.name).sort()).toEqual(["payments-bj", "payments-gz"]);
    const live = livePeerings(state.peerings);
    expect(live.map((p) => [p.id, p.status])).toEqual([[outputs.peeringId, "ACTIVE"]]);
    // Both tables of payments-gz route to payments-bj, the main table of payments-bj routes back.
    expect(state.routes.map((r) => [r.destination, r.peeringId]).sort()).toEqual([
      ["10.0.0.0/16", outputs.peeringId],
      ["10.1.0.0/16", outputs.peeringId],
      ["10.1.0.0/16", outputs.peeringId],
    ]);
    for (const vpc of state.vpcs) {
      vpcIds.add(vpc.id);
      for (const table of vpc.routeTables) routeTableIds.add(table.id);
    }
    peeringIds.add(String(outputs.peeringId));
  });

  it("a preview right after up shows no changes", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    expect(changes(summary)).toEqual({});
    expect(summary.same).toBeGreaterThanOrEqual(8);
  });

  it("refresh finds no drift (--expect-no-changes passes)", async () => {
    const report = await refreshReport(stack, ["--expect-no-changes"]);
    expect(report.result).toBe("succeeded");
    expect(changes(report.summary)).toEqual({});
    expect(report.steps.filter((s) => s.type === ROUTE_RULE)).toHaveLength(3);
  });

  it("the policy pack passes the deployed example", async () => {
    const preview = await stack.preview(["--policy-pack", policyPackDir()]);
    expect(preview.code, preview.output).toBe(0);
    // The pack ran and passed (Pulumi lists it under Policies, ✅ or ❌) and reported nothing at all.
    expect(preview.output).toMatch(/✅ peerlink@v\d/);
    expect(preview.output).not.toMatch(/\[(mandatory|advisory)\]/);
    expect(preview.output).not.toMatch(/CIDR_OVERLAP|TRANSITIVE_ROUTE|MISSING_RETURN_ROUTE|PEERING_UNUSED/);
  });

  it("a route deleted out of band is reported by refresh and restored by the next up", async () => {
    const resources = await stack.resources();
    const rule = resources.find((r) => r.type === ROUTE_RULE && nameOf(r.urn) === routeUrnName);
    expect(rule?.id, "the gz app-table route in the checkpoint").toBeTruthy();
    const routeId = String(rule!.id);
    const tableId = String(rule!.outputs?.effectiveRouteTableId);

    await withLocal(stateFile, account, (backend) => backend.deleteRoute(routeId));
    expect((await snapshot(stateFile, account)).routes.map((r) => r.id)).not.toContain(routeId);

    const refresh = await refreshReport(stack);
    expect(changes(refresh.summary)).toEqual({ delete: 1 });
    expect(namesOf(refresh, "delete")).toEqual([routeUrnName]);
    expect(refresh.steps.find((s) => s.op === "delete")?.type).toBe(ROUTE_RULE);

    const up = await upReport(stack);
    expect(changes(up.summary)).toEqual({ create: 1 });
    expect(namesOf(up, "create", ROUTE_RULE)).toEqual([routeUrnName]);

    const outputs = await stack.outputs();
    const again = await withLocal(stateFile, account, (backend) => backend.listRoutes(tableId));
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ destination: "10.1.0.0/16", peeringId: outputs.peeringId });
    expect(again[0]!.id).not.toBe(routeId);
  });

  it("a peering deleted out of band is reported by refresh; the next up recreates it and its routes", async () => {
    const before = String((await stack.outputs()).peeringId);
    await withLocal(stateFile, account, (backend) => backend.deletePeering(before));
    const gone = await snapshot(stateFile, account);
    expect(livePeerings(gone.peerings)).toEqual([]);
    // Deleting a peering removes the routes through it, on both sides (as the clouds do).
    expect(gone.routes).toEqual([]);

    const refresh = await refreshReport(stack);
    expect(changes(refresh.summary)).toEqual({ delete: 4 });
    expect(namesOf(refresh, "delete", PEERING)).toEqual(["payments-dr-peering"]);
    expect(namesOf(refresh, "delete", ROUTE_RULE)).toHaveLength(3);

    const up = await upReport(stack);
    expect(changes(up.summary)).toEqual({ create: 4 });
    const outputs = await stack.outputs();
    expect(outputs.peeringStatus).toBe("ACTIVE");
    expect(outputs.peeringId).not.toBe(before);
    peeringIds.add(String(outputs.peeringId));

    const state = await snapshot(stateFile, account);
    expect(livePeerings(state.peerings).map((p) => [p.id, p.status])).toEqual([
      [outputs.peeringId, "ACTIVE"],
    ]);
    expect(state.peerings.find((p) => p.id === before)?.status).toBe("DELETED");
    expect(state.routes).toHaveLength(3);
    expect(state.routes.every((r) => r.peeringId === outputs.peeringId)).toBe(true);
  });

  it("destroy leaves no VPC, no live peering and no route of the stack in the backend", async () => {
    expect(vpcIds.size).toBe(2);
    const destroy = await stack.destroy();
    expect(destroy.code, destroy.output).toBe(0);

    const state = await snapshot(stateFile, account);
    expect(state.vpcs.filter((v) => vpcIds.has(v.id))).toEqual([]);
    expect(state.routes).toEqual([]);
    // Deleted peerings stay visible, by design: both of the stack's, and both DELETED.
    expect(state.peerings.map((p) => p.id).sort()).toEqual([...peeringIds].sort());
    expect(livePeerings(state.peerings)).toEqual([]);
    // The route tables went with their VPCs: not even an empty table is left to list.
    await withLocal(stateFile, account, async (backend) => {
      for (const table of routeTableIds) {
        await expect(backend.listRoutes(table)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    });
    expect(await stack.resources()).toEqual([]);
  });
});

describe("a cross-account peering rejected out of band", () => {
  const requester = "200001";
  const accepter = "200002";
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    ({ stack, stateFile } = localStack(join(PROGRAMS, "pending-peering")));
    await stack.init();
  });
  afterAll(() => stack?.close());

  it("stays PENDING without an acceptance; refresh reports the rejection; the next up requests anew", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const first = await stack.outputs();
    expect(first.peeringStatus).toBe("PENDING");
    const rejectedId = String(first.peeringId);

    // The accepter says no, outside Pulumi (its console, another team's pipeline).
    const rejected = await withLocal(stateFile, accepter, (backend) => backend.rejectPeering(rejectedId));
    expect(rejected).toMatchObject({ status: "REJECTED", account: requester, peerAccount: accepter });

    // Refresh reads the peering as the requester: it still exists, now REJECTED, and the state records that.
    const refresh = await refreshReport(stack);
    expect(changes(refresh.summary)).toEqual({ update: 1 });
    const step = refresh.steps.find((s) => s.op === "update");
    expect(step).toMatchObject({ type: PEERING });
    expect(nameOf(step!.urn)).toBe("app-to-shared");
    expect(step!.oldOutputs?.status).toBe("PENDING");
    expect(step!.newOutputs?.status).toBe("REJECTED");

    // A rejected request can only be made anew: the provider's diff replaces it (status is the reason), deleting
    // the dead request first, and the new request is PENDING again under a new id.
    const preview = await stack.preview(["--json"]);
    expect(preview.code, preview.output).toBe(0);
    const plan = JSON.parse(preview.stdout.slice(preview.stdout.indexOf("{"))) as {
      changeSummary: Record<string, number>;
      steps: Array<{ op: string; urn: string; replaceReasons?: string[] }>;
    };
    expect(changes(plan.changeSummary)).toEqual({ replace: 1 });
    const replace = plan.steps.find((s) => s.op === "replace");
    expect(nameOf(replace!.urn)).toBe("app-to-shared");
    expect(replace!.replaceReasons).toEqual(["status"]);

    const again = await upReport(stack);
    expect(changes(again.summary)).toEqual({ replace: 1 });
    const second = await stack.outputs();
    expect(second.peeringStatus).toBe("PENDING");
    expect(second.peeringId).not.toBe(rejectedId);

    const seen = await snapshot(stateFile, accepter);
    expect(seen.peerings.map((p) => [p.id, p.status])).toEqual([
      [rejectedId, "DELETED"],
      [second.peeringId, "PENDING"],
    ]);
    expect(seen.peerings[1]).toMatchObject({
      account: requester,
      peerAccount: accepter,
      vpcId: second.appVpcId,
      peerVpcId: second.sharedVpcId,
    });
  });
});

/** Journey 1: Beijing's secondary CIDR 10.0.128.0/17 lies inside Guangzhou's 10.0.0.0/16. */
const OVERLAPPING_SECONDARY = { standbySecondaryCidr: "10.0.128.0/17" };
const NAMES_BOTH =
  /CIDR_OVERLAP VPC "overlap-gz" CIDR 10\.0\.0\.0\/16 overlaps VPC "overlap-bj" CIDR 10\.0\.128\.0\/17/;

/** peerlink's resources in Pulumi's state: URN, id and outputs. */
function peerlinkResources(resources: Awaited<ReturnType<PulumiStack["resources"]>>): unknown[] {
  return resources.filter((r) => r.type.includes(":peerlink:")).map((r) => [r.urn, r.id, r.outputs]);
}

/** The refusal as Pulumi shows it: the component's TopologyValidationError, message only, no stack trace. */
function expectOverlapRefusal(result: { code: number; output: string }): void {
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).toMatch(/error: peerlink found \d+ error\(s\) in the topology:/);
  expect(result.output).toMatch(NAMES_BOTH);
  expect(result.output).not.toMatch(/^\s+at /m);
}

describe("plan-time refusal: an overlapping CIDR in a TwoRegionDr", () => {
  it("on a fresh stack, preview fails with CIDR_OVERLAP and nothing reaches the backend", async () => {
    // TwoRegionDr validates the planned topology at construction and throws a TopologyValidationError before it
    // registers a child. It is marked as a Pulumi RunError, so the engine shows the message and every diagnostic
    // without a stack trace (and without the 30-45 s Node 20.20's util.inspect spends on such a stack).
    const { stack, stateFile } = localStack(join(PROGRAMS, "overlap"));
    try {
      await stack.init(OVERLAPPING_SECONDARY);
      expectOverlapRefusal(await stack.preview());
      // Preview creates nothing, and the refusal came before any provider call could open the state file.
      expect(existsSync(stateFile)).toBe(false);
      expect((await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT)).vpcs).toEqual([]);
      expect(await stack.resources()).toEqual([]);
    } finally {
      stack.close();
    }
  });

  describe("journey 1: added later to a deployed stack", () => {
    let stack: PulumiStack;
    let stateFile: string;

    beforeAll(async () => {
      ({ stack, stateFile } = localStack(join(PROGRAMS, "overlap")));
      await stack.init();
    });
    afterAll(async () => {
      if (!stack) return;
      await stack.destroy();
      stack.close();
    });

    it("preview and up (which previews first) fail with CIDR_OVERLAP naming both CIDRs and VPCs; nothing is touched", async () => {
      const up = await stack.up();
      expect(up.code, up.output).toBe(0);
      expect((await stack.outputs()).peeringStatus).toBe("ACTIVE");
      const before = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      const resourcesBefore = await stack.resources();
      expect(before.vpcs.map((v) => v.cidrs)).toContainEqual(["10.1.0.0/16"]);

      await stack.ok(["config", "set", "--stack", stack.stack, ...Object.entries(OVERLAPPING_SECONDARY)[0]!]);
      expectOverlapRefusal(await stack.preview());
      // `pulumi up` previews first (no --skip-preview): the failed preview stops it before any step.
      expectOverlapRefusal(await stack.run(["up", "--yes", "--stack", stack.stack]));

      // The backend and Pulumi's state are exactly as the last good up left them.
      expect(await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT)).toEqual(before);
      expect(await stack.resources()).toEqual(resourcesBefore);
    });

    it("even up --skip-preview changes nothing: the in-place CIDR change is refused by the backend", async () => {
      const before = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      const resourcesBefore = await stack.resources();
      const skipped = await stack.up();
      expect(skipped.code, skipped.output).not.toBe(0);
      expect(skipped.output).toMatch(NAMES_BOTH);
      expect(await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT)).toEqual(before);
      // Pulumi rewrites its own checkpoint after a failed update; peerlink's resources in it are as they were.
      expect(peerlinkResources(await stack.resources())).toEqual(peerlinkResources(resourcesBefore));
    });

    it("a disjoint secondary CIDR is added in place: same VPC, same ACTIVE peering, new routes to it", async () => {
      const before = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      const peeringId = (await stack.outputs()).peeringId;
      await stack.ok(["config", "set", "--stack", stack.stack, "standbySecondaryCidr", "10.2.0.0/16"]);
      const preview = await stack.preview(["--json"]);
      expect(preview.code, preview.output).toBe(0);
      const planned = parsePreview(preview.stdout)
        .steps.filter((s) => s.op !== "same")
        .map((s) => [s.op, nameOf(s.urn)]);
      // The VPC and the peering (its record of the peer's CIDRs) in place, one new route: nothing replaced.
      expect(planned).toEqual([
        ["update", "overlap-bj"],
        ["update", "overlap-dr-peering"],
        ["create", "overlap-dr-peering-route-overlap-gz-main-10.2.0.0-16"],
      ]);
      const up = await stack.up();
      expect(up.code, up.output).toBe(0);

      const after = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      expect(after.vpcs.map((v) => [v.id, v.cidrs])).toEqual(
        before.vpcs.map((v) => [v.id, v.name === "overlap-bj" ? ["10.1.0.0/16", "10.2.0.0/16"] : v.cidrs]),
      );
      expect(livePeerings(after.peerings).map((p) => [p.id, p.status])).toEqual([[peeringId, "ACTIVE"]]);
      expect(after.routes.map((r) => r.destination).sort()).toEqual([
        "10.0.0.0/16",
        "10.1.0.0/16",
        "10.2.0.0/16",
      ]);
      const again = await stack.previewSummary();
      expect(changes(again.summary)).toEqual({});
    });
  });
});

describe("the policy pack on raw resources with an overlap and a transitive route", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    ({ stack, stateFile } = localStack(join(PROGRAMS, "policy-violations")));
    await stack.init();
  });
  afterAll(() => stack?.close());

  it("without the pack the preview passes: the resources' own checks cannot see unknown VPC ids", async () => {
    // In a fresh stack every vpcId is unknown at preview, so Peering.check skips its live-backend validation and
    // RouteRule.check only validates the input shapes. This is why the pack exists: it sees the whole stack.
    const preview = await stack.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).not.toMatch(/CIDR_OVERLAP|TRANSITIVE_ROUTE/);
  });

  it("with the pack the preview fails, naming CIDR_OVERLAP and TRANSITIVE_ROUTE on the right resources", async () => {
    const preview = await stack.preview(["--policy-pack", policyPackDir()]);
    expect(preview.code, preview.output).not.toBe(0);
    expect(preview.output).toMatch(/❌ peerlink@v\d/);
    // Each violation: `- [mandatory]  <policy>  (<type>: <name>)`, its description, then `CODE [element] ...`.
    const violation = (type: string, name: string, code: string) =>
      new RegExp(
        String.raw`\[mandatory\]\s+peerlink-topology-errors\s+\(pulumi-nodejs:dynamic/peerlink:${type}: ${name}\)\n.*\n\s*${code} `,
      );
    expect(preview.output).toMatch(violation("Peering", "pv-a-d", "CIDR_OVERLAP"));
    expect(preview.output).toMatch(violation("RouteRule", "pv-a-to-c-via-b", "TRANSITIVE_ROUTE"));
    expect(preview.output).toContain('"pv-a" → (pv-a-b) → "pv-b" → (pv-b-c) → "pv-c"');
    expect(existsSync(stateFile)).toBe(false);
  });
});
