/**
 * A killed `pulumi up` converges on the next run (issue 17), on the real Pulumi CLI with the repository's DR
 * example on the embedded local backend: for every resource of the example, a run is SIGKILLed (the CLI and its
 * process group) the moment that resource's "creating" line appears, then `pulumi cancel` when locked and
 * `pulumi up` again, as the CLI advises. Each kill point must end with: up succeeded, the two VPCs once each, one
 * live peering for the pair, no route twice, and `pulumi preview --expect-no-changes` passing. The backend's state
 * file is the judge, not what Pulumi says.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCAL_DEFAULT_ACCOUNT } from "../../provider/pulumi/runtime/connection.js";
import { duplicates, upAfterKill, upKilledAt } from "./support/kill.js";
import { livePeerings, snapshot } from "./support/local.js";
import { PulumiStack, ROOT } from "./support/pulumi.js";

/** The example's peerlink resources that start a create: component, 2 VPCs, peering, 3 routes (or more, if added). */
const MIN_KILL_POINTS = 7;

describe("pulumi up killed at each create of the DR example converges on the next up (local backend)", () => {
  const stacks: PulumiStack[] = [];
  afterAll(() => {
    for (const s of stacks) s.close();
  });
  const figures: string[] = [];

  it("every kill point converges without a manual import", async () => {
    let converged = 0;
    let tried = 0;
    for (let k = 1; ; k++) {
      const stack = new PulumiStack(ROOT);
      stacks.push(stack);
      const stateFile = join(stack.stateDir, "peerlink.db");
      stack.env.PEERLINK_STATE = stateFile;
      delete stack.env.PEERLINK_ACCOUNT;
      await stack.init();

      const killed = await upKilledAt(stack, k);
      if (!killed.killed) {
        // The run ended before a k-th create began: every resource has been a kill point.
        expect(k - 1, killed.output).toBeGreaterThanOrEqual(MIN_KILL_POINTS);
        break;
      }
      tried++;
      const again = await upAfterKill(stack);
      expect(again.code, `killed at ${killed.at}; the next up:\n${again.output}`).toBe(0);

      const state = await snapshot(stateFile, LOCAL_DEFAULT_ACCOUNT);
      expect(state.vpcs.map((v) => v.name).sort(), `killed at ${killed.at}`).toEqual([
        "payments-bj",
        "payments-gz",
      ]);
      const live = livePeerings(state.peerings);
      expect(live, `killed at ${killed.at}`).toHaveLength(1);
      expect(
        duplicates(state.routes.map((r) => `${r.routeTableId} ${r.destination}`)),
        `killed at ${killed.at}`,
      ).toEqual([]);
      expect(state.routes, `killed at ${killed.at}`).toHaveLength(3);
      const preview = await stack.preview(["--expect-no-changes"]);
      expect(preview.code, `killed at ${killed.at}; preview:\n${preview.output}`).toBe(0);
      converged++;
      figures.push(`k=${k} ${killed.at}: converged`);
      await stack.destroy();
    }
    console.log(`kill points tried ${tried}, converged ${converged}\n${figures.join("\n")}`);
    expect(converged).toBe(tried);
  }, 1_200_000);
});
