/**
 * examples/dual-stack-dr on the real Pulumi CLI and the embedded local backend: two Huawei VPCs with a dual-stack
 * subnet each; `pulumi up` makes the IPv4 route and the IPv6 route (to the /64 the engine assigned the peer's
 * subnet, known only after the subnet exists) on both sides; a preview then finds nothing to do, a refresh
 * changes nothing, and destroy removes routes, peering, subnets and VPCs. What exists is read from the stack's
 * SQLite state file.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_DEFAULT_ACCOUNT } from "../../provider/pulumi/runtime/connection.js";
import { snapshot, withLocal } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const EXAMPLE = join(ROOT, "examples", "dual-stack-dr");

describe("examples/dual-stack-dr (IPv6 over a Huawei peering) on the local backend", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(EXAMPLE);
    stateFile = join(stack.stateDir, "peerlink.db");
    stack.env.PEERLINK_STATE = stateFile;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init();
  });
  afterAll(() => stack?.close());

  it("preview plans the four routes before the IPv6 blocks exist", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(result.code, result.output).toBe(0);
    // The stack, 2 VPCs, 2 subnets, the component, the peering (same account: no acceptance) and 4 routes.
    expect(changes(summary)).toEqual({ create: 11 });
  });

  it("up routes the peer's IPv4 block and its subnet's assigned IPv6 block on both sides", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.peeringStatus).toBe("ACTIVE");
    const blocks = outputs.ipv6Blocks as Record<string, string>;
    const [a6, b6] = [blocks["payments-a"]!, blocks["payments-b"]!];
    expect(a6).toMatch(/^2001:db8:[0-9a-f:]+\/64$/);
    expect(b6).toMatch(/^2001:db8:[0-9a-f:]+\/64$/);
    expect(a6).not.toBe(b6);
    expect(outputs.routes).toEqual(
      [
        `payments-a [main] 10.40.0.0/16 via payments-a -> payments-b`,
        `payments-a [main] ${b6} via payments-a -> payments-b`,
        `payments-b [main] 10.30.0.0/16 via payments-a -> payments-b`,
        `payments-b [main] ${a6} via payments-a -> payments-b`,
      ].sort(),
    );
    expect(outputs.reachability).toEqual({
      "payments-a": { "payments-b": true },
      "payments-b": { "payments-a": true },
    });
    const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
    const vpcName = new Map(state.vpcs.map((v) => [v.id, v.name]));
    expect(state.routes.map((r) => `${vpcName.get(r.vpcId)} ${r.destination}`).sort()).toEqual(
      [`payments-a 10.40.0.0/16`, `payments-a ${b6}`, `payments-b 10.30.0.0/16`, `payments-b ${a6}`].sort(),
    );
    const subnets = await withLocal(stateFile, LOCAL_DEFAULT_ACCOUNT, async (b) =>
      (await Promise.all(state.vpcs.map((v) => b.listSubnets(v.id)))).flat(),
    );
    expect(subnets.map((s) => s.ipv6Cidr).sort()).toEqual([a6, b6].sort());
  });

  it("a preview right after finds nothing to change, and neither does a refresh", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(changes(summary), result.output).toEqual({});
    const refreshed = await stack.refresh();
    expect(refreshed.code, refreshed.output).toBe(0);
    const again = await stack.previewSummary();
    expect(changes(again.summary), again.result.output).toEqual({});
  });

  it("destroy removes routes, peering, subnets and VPCs", async () => {
    const destroyed = await stack.destroy();
    expect(destroyed.code, destroyed.output).toBe(0);
    const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
    expect(state.routes).toEqual([]);
    expect(state.vpcs).toEqual([]);
  });
});
