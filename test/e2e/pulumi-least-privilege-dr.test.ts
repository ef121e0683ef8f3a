/**
 * examples/least-privilege-dr on the real Pulumi CLI and the embedded local backend: `pulumi up` makes exactly
 * the two subnet routes the example asks for (production's app table to the standby's replica subnet, the
 * standby's main table back to production's app subnet) and no route to a whole VPC; a preview then finds
 * nothing to do; destroy removes the routes. What exists is read from the stack's SQLite state file.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_DEFAULT_ACCOUNT } from "../../provider/pulumi/runtime/connection.js";
import { snapshot } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const EXAMPLE = join(ROOT, "examples", "least-privilege-dr");

describe("examples/least-privilege-dr on the local backend", () => {
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

  it("up routes the two subnets only, each in the table the example names", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.peeringStatus).toBe("ACTIVE");
    expect(outputs.routes).toEqual([
      "orders-bj [main] 10.0.10.0/24 via orders-gz -> orders-bj",
      "orders-gz [app] 10.1.20.0/24 via orders-gz -> orders-bj",
    ]);
    expect(outputs.reachability).toEqual({
      "orders-gz": { "orders-bj": true },
      "orders-bj": { "orders-gz": true },
    });
    const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
    const tableName = new Map(
      state.vpcs.flatMap((v) =>
        v.routeTables.map((t) => [t.id, `${v.name}/${t.main ? "main" : t.name}`] as const),
      ),
    );
    const routes = state.routes.map((r) => `${tableName.get(r.routeTableId)} ${r.destination}`).sort();
    expect(routes).toEqual(["orders-bj/main 10.0.10.0/24", "orders-gz/app 10.1.20.0/24"]);
  });

  it("a preview right after finds nothing to change", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(changes(summary), result.output).toEqual({});
  });

  it("destroy removes the routes and the VPCs", async () => {
    const destroyed = await stack.destroy();
    expect(destroyed.code, destroyed.output).toBe(0);
    const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
    expect(state.routes).toEqual([]);
    expect(state.vpcs).toEqual([]);
  });
});
