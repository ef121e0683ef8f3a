import { describe, expect, it } from "vitest";
import { z } from "zod";
import { profileSchema } from "../../provider/backends/discover/connections.js";
import { issueLine, schemaKeysAt } from "../../provider/core/schema-keys.js";
import { parseAccounts } from "../../provider/emulator/accounts.js";

describe("schemaKeysAt", () => {
  it("reads the keys at a path through arrays, optionals and the members of a union", () => {
    expect(schemaKeysAt(profileSchema, [])).toEqual(["connections"]);
    expect(schemaKeysAt(profileSchema, ["connections", 0]).sort()).toEqual(
      ["account", "backend", "credentials", "endpoint", "name", "regions"].sort(),
    );
    expect(schemaKeysAt(profileSchema, ["connections", 3, "credentials"]).sort()).toEqual(
      ["secretId", "secretIdEnv", "secretKey", "secretKeyEnv"].sort(),
    );
    expect(schemaKeysAt(profileSchema, ["connections", 0, "nothing"])).toEqual([]);
  });
});

describe("issueLine", () => {
  it("names the key an unknown one most likely means, and never a value", () => {
    const profile = {
      connections: [{ backnd: "tencentcloud", region: ["ap-guangzhou"], colour: "VERYSECRETVALUE" }],
    };
    const parsed = profileSchema.safeParse(profile);
    expect(parsed.success).toBe(false);
    const lines = parsed.error!.issues.map((issue) => issueLine(profileSchema, issue, profile));
    const unknown = lines.find((line) => line.includes("Unrecognized"));
    expect(unknown).toBe(
      'connections.0: Unrecognized keys: "backnd", "region", "colour" (did you mean "backnd" → "backend", "region" → "regions"?)',
    );
    for (const line of lines) expect(line).not.toContain("VERYSECRETVALUE");
  });

  it("says what the union member the value comes closest to needs, instead of 'Invalid input'", () => {
    const profile = {
      connections: [
        {
          backend: "tencentcloud",
          regions: ["ap-guangzhou"],
          credentials: { secretID: "A", secretKey: "VERYSECRET" },
        },
      ],
    };
    const parsed = profileSchema.safeParse(profile);
    const lines = parsed.error!.issues.map((issue) => issueLine(profileSchema, issue, profile));
    expect(lines).toEqual([
      'connections.0.credentials: Unrecognized key: "secretID" (did you mean "secretID" → "secretId"?)',
    ]);
  });

  it("is the issue's own line for any other issue", () => {
    const schema = z.strictObject({ n: z.number() });
    const parsed = schema.safeParse({ n: "x" });
    expect(issueLine(schema, parsed.error!.issues[0]!, { n: "x" })).toBe(
      "n: Invalid input: expected number, received string",
    );
  });
});

describe("the emulator's accounts file", () => {
  it("points a misspelt key at the key it means, without the secret", () => {
    const document = { accounts: [{ id: "1", secretID: "A", secretKey: "VERYSECRETKEY" }] };
    expect(() => parseAccounts(document)).toThrowError(
      /Unrecognized key: "secretID" \(did you mean "secretID" → "secretId"\?\)/,
    );
    expect(() => parseAccounts(document)).not.toThrowError(/VERYSECRETKEY/);
    // The rename mends the missing secretId too: one problem, not two.
    expect(() => parseAccounts(document)).not.toThrowError(/secretId: /);
  });
});
