import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

describe("the published package", () => {
  it("resolves `peerlink` through package.json exports to the built JavaScript", () => {
    // Node resolves a package's own name through its exports (self-reference), as a consumer's import would.
    const script = `
      const core = await import("peerlink");
      const url = import.meta.resolve("peerlink");
      const r = core.validateDocument({ vpcs: [{ id: "a", cloud: "tencentcloud", region: "r", account: "1", cidrs: ["10.0.0.1/8"] }] });
      console.log(JSON.stringify({ url, codes: r.diagnostics.map((d) => d.code) }));`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const { url, codes } = JSON.parse(out) as { url: string; codes: string[] };
    expect(url).toMatch(/\/dist\/provider\/core\/index\.js$/);
    expect(codes).toEqual(["INVALID_CIDR"]);
  });

  it("exports the topology's JSON Schema as peerlink/topology.schema.json", () => {
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", 'console.log(import.meta.resolve("peerlink/topology.schema.json"))'],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(out.trim()).toMatch(/\/topology\.schema\.json$/);
  });

  it("packs the built JavaScript, its type declarations and the bin, not the sources or tests", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain("dist/provider/core/index.js");
    expect(files).toContain("dist/provider/core/index.d.ts");
    expect(files).toContain("dist/provider/cli/main.js");
    expect(files).toContain("topology.schema.json"); // what an editor's $schema names in node_modules/peerlink
    expect(files).toContain("schema.json"); // the Pulumi package schema the plugin serves (get-schema.ts)
    expect(files).toContain("LICENSE"); // the Apache-2.0 text package.json's "license" names
    expect(files.some((f) => f.startsWith("test/") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toBe(
      false,
    );
  });

  it("ships source maps that carry their sources (the .ts files are not in the package)", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const maps = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files
      .map((f) => f.path)
      .filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBeGreaterThan(100);
    const withoutSources = maps.filter((f) => {
      const map = JSON.parse(readFileSync(join(ROOT, f), "utf8")) as {
        sources: string[];
        sourcesContent?: string[];
      };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((c) => !c);
    });
    expect(withoutSources).toEqual([]);
  });
});
