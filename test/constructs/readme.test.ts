import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONSTRUCT_ERROR_CODES } from "../../constructs/errors.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README, CDKTF section", () => {
  it("documents every construct error code with its severity, and no code that does not exist", () => {
    const table = README.split("<!-- cdktf-codes:start -->")[1]!.split("<!-- cdktf-codes:end -->")[0]!;
    const rows = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)`\s*\| (error|warning)\s*\|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toEqual(
      Object.entries(CONSTRUCT_ERROR_CODES).map(([code, { severity }]) => [code, severity]),
    );
  });

  it("says CDKTF is archived, that the output is plain Terraform JSON, and which versions are supported", () => {
    const section = README.split("## CDKTF")[1]!.split("\n## ")[0]!;
    expect(section).toMatch(/archived CDKTF .* in December 2025/s);
    expect(section).toMatch(/plain Terraform JSON/);
    expect(section).toMatch(/OpenTofu/);
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const pinned = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(pinned.cdktf).toMatch(/^\d/);
    expect(section).toContain(`cdktf ${pinned.cdktf}`);
    expect(section).toContain(`constructs ${pinned.constructs}`);
  });
});
