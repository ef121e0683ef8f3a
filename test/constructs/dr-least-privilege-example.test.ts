/**
 * examples/least-privilege-dr-cdktf: the synthesized Terraform JSON routes subnets only, each in the table the
 * example names, and `npx cdktf synth` writes the same.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { LeastPrivilegeDrStack } from "../../examples/least-privilege-dr-cdktf/stacks.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/least-privilege-dr-cdktf/", import.meta.url));

interface RouteEntry {
  route_table_id: string;
  destination_cidr_block: string;
  next_type: string;
}

function routesOf(json: { resource?: Record<string, Record<string, unknown>> }): string[] {
  const entries = Object.values(json.resource?.tencentcloud_route_table_entry ?? {}) as RouteEntry[];
  return entries.map((e) => `${e.route_table_id} ${e.destination_cidr_block} ${e.next_type}`).sort();
}

describe("examples/least-privilege-dr-cdktf", () => {
  const app = Testing.app();
  const json = JSON.parse(Testing.synth(new LeastPrivilegeDrStack(app, "least-privilege-dr"), true));

  it("routes the two subnets, in production's app table and the standby's main table, never a whole VPC", () => {
    expect(routesOf(json)).toEqual([
      "rtb-bj-main 10.0.10.0/24 PEERCONNECTION",
      "rtb-gz-app 10.1.20.0/24 PEERCONNECTION",
    ]);
    expect(routesOf(json).some((r) => / 10\.[01]\.0\.0\/16 /.test(r))).toBe(false);
  });

  it("`npx cdktf synth` writes the same routes", () => {
    const out = mkdtempSync(join(tmpdir(), "peerlink-cdktf-lp-"));
    afterAll(() => rmSync(out, { recursive: true, force: true }));
    execFileSync("npx", ["--offline", "cdktf", "synth", "--output", out], {
      cwd: EXAMPLE,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    const written = JSON.parse(
      readFileSync(join(out, "stacks", "least-privilege-dr", "cdk.tf.json"), "utf8"),
    );
    expect(routesOf(written)).toEqual(routesOf(json));
  });
});
