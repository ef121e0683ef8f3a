import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { addStacks } from "../../examples/cdktf-dr/stacks.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/cdktf-dr/", import.meta.url));
const STACKS = ["payments-dr", "cross-account-dr"] as const;

/** Drops cdktf's "//" metadata and the local backend (absolute paths), which differ by machine. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "//" && k !== "backend") out[k] = comparable(v);
  return out;
}

function testingSynth(): Record<string, unknown> {
  const app = Testing.app();
  const stacks = addStacks(app);
  return {
    "payments-dr": JSON.parse(Testing.synth(stacks.payments, true)),
    "cross-account-dr": JSON.parse(Testing.synth(stacks.crossAccount, true)),
  };
}

describe("examples/cdktf-dr", () => {
  const synthesized = testingSynth();

  it.each(STACKS)("synthesizes %s (snapshot of the Terraform JSON)", (stack) => {
    expect(synthesized[stack]).toMatchSnapshot();
  });

  it("`npx cdktf synth` works offline (CHECKPOINT_DISABLE=1) and writes the same JSON", () => {
    const out = mkdtempSync(join(tmpdir(), "peerlink-cdktf-out-"));
    afterAll(() => rmSync(out, { recursive: true, force: true }));
    execFileSync("npx", ["--offline", "cdktf", "synth", "--output", out], {
      cwd: EXAMPLE,
      env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    for (const stack of STACKS) {
      const written = JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8"));
      expect(comparable(written)).toEqual(comparable(synthesized[stack]));
    }
  });
});
