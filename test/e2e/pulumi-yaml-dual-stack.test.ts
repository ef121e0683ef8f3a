/**
 * Dual-stack DR in Pulumi YAML (examples/yaml-dual-stack-dr): peerlink:index:Subnet and peerlink:index:TwoRegionDr
 * through the provider plugin on the real Pulumi CLI, local backend. The component plans the IPv6 blocks before
 * the subnets exist (their number is known, their values are not), routes them once Huawei (here the engine)
 * assigns them, and a second preview plans no change (the routes are named by site and position, not by value).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEngines } from "../../scripts/engines.mjs";
import { snapshot } from "./support/local.js";
import { changes, PulumiStack, ROOT } from "./support/pulumi.js";

const EXAMPLE = join(ROOT, "examples", "yaml-dual-stack-dr");
const ACCOUNT = "100000000015";
const BUILD_TIMEOUT = 20 * 60 * 1000;

beforeAll(async () => {
  await ensureEngines({ only: ["yaml"] });
}, BUILD_TIMEOUT);

describe("Pulumi YAML: examples/yaml-dual-stack-dr through the provider plugin", () => {
  let stack: PulumiStack;
  let stateFile: string;

  beforeAll(async () => {
    stack = new PulumiStack(EXAMPLE);
    stateFile = join(stack.stateDir, "yaml-dual.db");
    delete stack.env.PEERLINK_STATE;
    delete stack.env.PEERLINK_ACCOUNT;
    await stack.init({ "peerlink:stateFile": stateFile, "peerlink:account": ACCOUNT });
  });
  afterAll(() => stack?.close());

  it("up routes IPv4 and the assigned IPv6 /64 both ways", async () => {
    const up = await stack.up();
    expect(up.code, up.output).toBe(0);
    const outputs = await stack.outputs();
    expect(outputs.status).toBe("ACTIVE");
    const [a6, b6] = [outputs.ipv6A as string, outputs.ipv6B as string];
    expect(a6).toMatch(/\/64$/);
    expect(b6).toMatch(/\/64$/);
    expect(outputs.routes).toEqual(
      [
        "payments-a [main] 10.40.0.0/16 via payments-a -> payments-b",
        `payments-a [main] ${b6} via payments-a -> payments-b`,
        "payments-b [main] 10.30.0.0/16 via payments-a -> payments-b",
        `payments-b [main] ${a6} via payments-a -> payments-b`,
      ].sort(),
    );
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.routes.map((r) => r.destination).sort()).toEqual(
      ["10.30.0.0/16", "10.40.0.0/16", a6, b6].sort(),
    );
  });

  it("a preview right after finds nothing to change", async () => {
    const { summary, result } = await stack.previewSummary();
    expect(changes(summary), result.output).toEqual({});
  });

  it("destroy removes everything", async () => {
    const destroyed = await stack.destroy();
    expect(destroyed.code, destroyed.output).toBe(0);
    const state = await snapshot(stateFile, ACCOUNT);
    expect(state.routes).toEqual([]);
    expect(state.vpcs).toEqual([]);
  });
});
