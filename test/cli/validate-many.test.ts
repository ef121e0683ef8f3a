import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";

/** From the repository root, so the paths stay relative as a CI job gives them. */
const peerlink = (args: string[], input?: string) => builtCli(args, input === undefined ? {} : { input });

const OK = "examples/two-region-dr.yaml";
const TRANSITIVE = "test/fixtures/diagnostics/TRANSITIVE_ROUTE.yaml";
const OVERLAP = "test/fixtures/diagnostics/CIDR_OVERLAP.yaml";

describe("peerlink validate FILE...", () => {
  it("reports each file as it alone would be reported, in the order given, then a line over all", () => {
    const many = peerlink(["validate", OK, TRANSITIVE, OVERLAP]);
    expect(many.code).toBe(1);
    const alone = [OK, TRANSITIVE, OVERLAP].map((file) => peerlink(["validate", file]).stdout);
    const errors = alone.join("").match(/^ {2}error /gm)!.length;
    const warnings = alone.join("").match(/^ {2}warning /gm)?.length ?? 0;
    expect(many.stdout).toBe(
      `${alone.join("\n")}\n3 files: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
    );
  });

  it("exits 0 only when no file has an error", () => {
    const both = peerlink(["validate", OK, OK]);
    expect(both.code).toBe(0);
    expect(both.stdout.trimEnd().split("\n").at(-1)).toBe("2 files: ok, no problems found");
    expect(peerlink(["validate", OK, TRANSITIVE]).code).toBe(1);
  });

  it("writes one JSON report whose diagnostics each name their file, and a files list", () => {
    const { code, stdout } = peerlink(["validate", OK, TRANSITIVE, OVERLAP, "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.files).toEqual([
      { file: OK, ok: true },
      { file: TRANSITIVE, ok: false },
      { file: OVERLAP, ok: false },
    ]);
    const alone = [TRANSITIVE, OVERLAP].flatMap((file) =>
      JSON.parse(peerlink(["validate", file, "--format", "json"]).stdout).diagnostics.map((d: object) => ({
        file,
        ...d,
      })),
    );
    expect(report.diagnostics).toEqual(alone);
  });

  it("writes one SARIF run with an artifact per file, which the SARIF schema accepts", () => {
    const { code, stdout } = peerlink(["validate", OK, TRANSITIVE, OVERLAP, "--format", "sarif"]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    const schema = createRequire(import.meta.url)("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    expect(ajv.validate(schema, log)).toBe(true);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([
      OK,
      TRANSITIVE,
      OVERLAP,
    ]);
    const alone = [TRANSITIVE, OVERLAP].flatMap(
      (file) => JSON.parse(peerlink(["validate", file, "--format", "sarif"]).stdout).runs[0].results,
    );
    expect(log.runs[0].results).toEqual(alone);
    const uris = new Set(
      log.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris]).toEqual([TRANSITIVE, OVERLAP]);
  });

  it("writes GitHub annotations for every file", () => {
    const many = peerlink(["validate", TRANSITIVE, OVERLAP, "--format", "github"]).stdout;
    const alone = [TRANSITIVE, OVERLAP].map(
      (file) => peerlink(["validate", file, "--format", "github"]).stdout,
    );
    expect(many).toBe(alone.join(""));
  });

  it("refuses standard input named twice, and stops with exit 2 at an unreadable file before writing anything", () => {
    const twice = peerlink(["validate", "-", "-"], "vpcs: []\n");
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("standard input (-) is read once");
    const missing = peerlink(["validate", OK, "no/such/file.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/^peerlink: UNREADABLE_DOCUMENT cannot read no\/such\/file\.yaml/);
  });
});
