import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  AccountsFileError,
  DEMO_ACCOUNTS,
  loadAccountsFile,
  parseAccounts,
} from "../../provider/emulator/accounts.js";
import { startEmulator } from "../../provider/emulator/server.js";
import { ALICE, startTestEmulator, tencentClient, tencentError } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: SDK responses are untyped JSON.
type Json = any;

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "peerlink-emulator-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the emulator server", () => {
  it("listens on 127.0.0.1 and starts with the two documented demo accounts", async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      expect(emulator.host).toBe("127.0.0.1");
      expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
      expect(emulator.accounts).toEqual(DEMO_ACCOUNTS);
      expect(DEMO_ACCOUNTS.map((a) => a.id)).toEqual(["100001", "100002"]);
      const demo = tencentClient(emulator.url, DEMO_ACCOUNTS[0]!);
      expect(((await demo.request("DescribeVpcs", {})) as Json).TotalCount).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it("keeps its state in <stateDir>/state.db across restarts", async () => {
    const dir = tempDir();
    const first = await startTestEmulator({ stateDir: dir });
    const created: Json = await tencentClient(first.url, ALICE).request("CreateVpc", {
      VpcName: "kept",
      CidrBlock: "10.0.0.0/16",
    });
    await first.close();
    expect(existsSync(join(dir, "state.db"))).toBe(true);
    const second = await startTestEmulator({ stateDir: dir });
    try {
      const found: Json = await tencentClient(second.url, ALICE).request("DescribeVpcs", {
        VpcIds: [created.Vpc.VpcId],
      });
      expect(found.VpcSet.map((v: Json) => v.VpcName)).toEqual(["kept"]);
    } finally {
      await second.close();
    }
  });

  it("answers requests no protocol claims with 404", async () => {
    const emulator = await startTestEmulator();
    try {
      const response = await fetch(`${emulator.url}/nothing/here`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as Json).protocols).toContain("tencentcloud");
    } finally {
      await emulator.close();
    }
  });
});

describe("fault injection", () => {
  it("commits, then drops the response: the call fails, the VPC exists", async () => {
    const emulator = await startTestEmulator({ faults: { dropRate: 1 } });
    try {
      const alice = tencentClient(emulator.url, ALICE);
      const error = await tencentError(
        alice.request("CreateVpc", { VpcName: "lost-answer", CidrBlock: "10.1.0.0/16" }),
      );
      expect(error.code ?? "").toBe("");
      expect(emulator.faultStats().dropped).toBe(1);
      emulator.setFaults({});
      const found: Json = await alice.request("DescribeVpcs", {
        Filters: [{ Name: "vpc-name", Values: ["lost-answer"] }],
      });
      expect(found.TotalCount).toBe(1);
    } finally {
      await emulator.close();
    }
  });

  it("answers injected throttling and 5xx in Tencent's format", async () => {
    const emulator = await startTestEmulator({ faults: { throttleRate: 1 } });
    try {
      const alice = tencentClient(emulator.url, ALICE);
      expect((await tencentError(alice.request("DescribeVpcs", {}))).code).toBe("RequestLimitExceeded");
      emulator.setFaults({ serverErrorRate: 1 });
      expect((await tencentError(alice.request("DescribeVpcs", {}))).httpCode).toBe(503);
    } finally {
      await emulator.close();
    }
  });

  it("is reproducible: the same seed gives the same faults", async () => {
    const run = async () => {
      const emulator = await startTestEmulator({
        faults: { throttleRate: 0.3, serverErrorRate: 0.2, seed: 7 },
      });
      try {
        const alice = tencentClient(emulator.url, ALICE);
        const outcomes: string[] = [];
        for (let i = 0; i < 30; i++)
          outcomes.push(
            await alice.request("DescribeVpcs", {}).then(
              () => "ok",
              (e: { code?: string; httpCode?: number }) => e.code || String(e.httpCode),
            ),
          );
        return outcomes;
      } finally {
        await emulator.close();
      }
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(new Set(first)).toEqual(new Set(["ok", "RequestLimitExceeded", "503"]));
  });

  it("adds latency", async () => {
    const emulator = await startTestEmulator({ faults: { latencyMs: 60 } });
    try {
      const start = performance.now();
      await tencentClient(emulator.url, ALICE).request("DescribeVpcs", {});
      expect(performance.now() - start).toBeGreaterThanOrEqual(55);
    } finally {
      await emulator.close();
    }
  });

  it("refuses rates outside 0..1", async () => {
    await expect(startEmulator({ port: 0, faults: { dropRate: 2 } })).rejects.toThrow(RangeError);
  });
});

describe("the accounts file", () => {
  it("reads {accounts: [{id, secretId, secretKey}]}", () => {
    const file = join(tempDir(), "accounts.json");
    writeFileSync(file, JSON.stringify({ accounts: [{ id: "1", secretId: "AKID1", secretKey: "k1" }] }));
    expect(loadAccountsFile(file)).toEqual([{ id: "1", secretId: "AKID1", secretKey: "k1" }]);
  });

  it.each([
    [{}, /accounts/],
    [{ accounts: [] }, /accounts/],
    [{ accounts: [{ id: "1", secretId: "A" }] }, /secretKey/],
    [
      {
        accounts: [
          { id: "1", secretId: "A", secretKey: "s1" },
          { id: "1", secretId: "B", secretKey: "s2" },
        ],
      },
      /id "1" appears twice/,
    ],
    [
      {
        accounts: [
          { id: "1", secretId: "A", secretKey: "s1" },
          { id: "2", secretId: "A", secretKey: "s2" },
        ],
      },
      /secretId "A" appears twice/,
    ],
  ])("refuses %j", (document, message) => {
    expect(() => parseAccounts(document)).toThrowError(message);
  });

  it("never puts a secret key in its messages", () => {
    const document = {
      accounts: [
        { id: "1", secretId: "A", secretKey: "VERYSECRETKEY" },
        { id: "1", secretId: "B", secretKey: "VERYSECRETKEY" },
      ],
    };
    try {
      parseAccounts(document);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AccountsFileError);
      expect((error as Error).message).not.toContain("VERYSECRETKEY");
    }
  });
});
