import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../provider/core/diagnostics.js";
import { renderRulebook } from "../provider/core/rulebook/render.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("starts with the two newcomer commands: the main job, then the tests", () => {
    const block = /```sh\n([^`]*)```/.exec(README)![1]!.trim().split("\n");
    expect(block[0]).toMatch(/^npm ci && npm run demo\b/);
    expect(block[1]).toMatch(/^npm ci && npm test\b/);
    expect(block).toHaveLength(2);
  });

  it("documents every diagnostic code with its severity, and no code that does not exist", () => {
    const table = README.split("<!-- codes:start -->")[1]!.split("<!-- codes:end -->")[0]!;
    const rows = [...table.matchAll(/^\| `([A-Z0-9_]+)`\s*\| (error|warning)\s*\|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows).toEqual(Object.entries(DIAGNOSTIC_CODES).map(([code, { severity }]) => [code, severity]));
  });
});

describe("README rulebook", () => {
  it("holds the rulebook table as renderRulebook() renders it (regenerate: npm run readme)", () => {
    const section = README.split("<!-- rulebook:start -->")[1]!.split("<!-- rulebook:end -->")[0]!;
    expect(section.trim()).toBe(renderRulebook());
  });
});
