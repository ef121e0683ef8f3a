import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { maskId, redactSecrets, resolveCredentials } from "../../../provider/backends/shared/credentials.js";

const KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const vars = {
  idVariables: ["TENCENTCLOUD_SECRET_ID"],
  keyVariables: ["TENCENTCLOUD_SECRET_KEY"],
  cloudName: "Tencent Cloud",
};

describe("resolveCredentials", () => {
  it("prefers explicit credentials, else reads the environment", () => {
    const env = {
      TENCENTCLOUD_SECRET_ID: "AKIDfromEnvironment1",
      TENCENTCLOUD_SECRET_KEY: "keyFromEnvironment1",
    };
    expect(resolveCredentials({ ...vars, env, secretId: ID, secretKey: KEY }).secretId).toBe(ID);
    const fromEnv = resolveCredentials({ ...vars, env });
    expect(fromEnv.secretId).toBe("AKIDfromEnvironment1");
    expect(fromEnv.secretKey()).toBe("keyFromEnvironment1");
  });

  it("fails with AUTH_FAILED naming the variables, never a value", () => {
    expect(() => resolveCredentials({ ...vars, env: { TENCENTCLOUD_SECRET_ID: ID } })).toThrowError(
      expect.objectContaining({
        code: "AUTH_FAILED",
        message: expect.stringContaining("secret key is missing"),
      }),
    );
    try {
      resolveCredentials({ ...vars, env: { TENCENTCLOUD_SECRET_ID: ID } });
    } catch (error) {
      expect(String((error as Error).message) + String((error as { fix?: string }).fix)).not.toContain(ID);
      expect((error as { fix?: string }).fix).toContain("TENCENTCLOUD_SECRET_KEY");
    }
  });

  it("never shows the secret key in JSON, inspect or string form", () => {
    const credentials = resolveCredentials({ ...vars, env: {}, secretId: ID, secretKey: KEY });
    for (const text of [
      JSON.stringify(credentials),
      inspect(credentials),
      String(credentials),
      `${credentials}`,
      JSON.stringify({ credentials }),
    ])
      expect(text).not.toContain(KEY);
    expect(JSON.stringify(credentials)).not.toContain(ID);
    expect(credentials.redact(`signing with ${KEY} as ${ID}`)).toBe("signing with [redacted] as [redacted]");
  });

  it("masks ids and redacts secrets in free text", () => {
    expect(maskId(ID)).toBe("AKID…MPLE");
    expect(maskId("short")).toBe("****");
    expect(redactSecrets("a SECRET b SECRET", ["SECRET"])).toBe("a [redacted] b [redacted]");
    // Too short to be a secret: replacing it would shred ordinary words.
    expect(redactSecrets("a b c", ["b"])).toBe("a b c");
  });
});
