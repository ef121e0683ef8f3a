/** `peerlink emulator` on the built bin: starts, prints the URL and account ids (never a key), serves, stops. */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../provider/emulator/accounts.js";
import { ALICE, tencentClient } from "./support.js";

const BIN = fileURLToPath(new URL("../../dist/provider/cli/main.js", import.meta.url));

async function runUntilListening(
  args: string[],
): Promise<{ url: string; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, "emulator", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on("data", check);
    void exited.then(() => reject(new Error(`exited early: ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

describe("peerlink emulator", () => {
  it("serves the demo accounts and prints their ids, not their keys", async () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-cli-"));
    try {
      const run = await runUntilListening(["--state", dir]);
      const demo = tencentClient(run.url, DEMO_ACCOUNTS[0]!);
      expect(((await demo.request("DescribeVpcs", {})) as { TotalCount: number }).TotalCount).toBe(0);
      expect(await run.stop()).toBe(0);
      for (const account of DEMO_ACCOUNTS) {
        expect(run.output()).toContain(account.id);
        expect(run.output()).not.toContain(account.secretKey);
      }
      expect(run.output()).toContain(join(dir, "state.db"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes --accounts FILE and --no-rate-limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-cli-"));
    try {
      const file = join(dir, "accounts.json");
      writeFileSync(file, JSON.stringify({ accounts: [ALICE] }));
      const run = await runUntilListening(["--state", dir, "--accounts", file, "--no-rate-limit"]);
      const alice = tencentClient(run.url, ALICE);
      // 40 calls at once: beyond the 20/s bucket, fine without rate limits.
      await Promise.all(Array.from({ length: 40 }, () => alice.request("DescribeVpcs", {})));
      const demo = tencentClient(run.url, DEMO_ACCOUNTS[0]!);
      await expect(demo.request("DescribeVpcs", {})).rejects.toMatchObject({
        code: "AuthFailure.SecretIdNotFound",
      });
      expect(await run.stop()).toBe(0);
      expect(run.output()).toContain("rate limits: off");
      expect(run.output()).not.toContain(ALICE.secretKey);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ends with exit code 2 and a message for an unreadable accounts file", async () => {
    const child = spawn(process.execPath, [
      BIN,
      "emulator",
      "--port",
      "0",
      "--accounts",
      "/no/such/accounts.json",
    ]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("/no/such/accounts.json");
  });
});
