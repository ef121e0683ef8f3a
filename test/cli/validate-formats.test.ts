import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, type DiagnosticCode, isDocumentCode } from "../../provider/core/diagnostics.js";
import { FIXTURES } from "../support/fixtures.js";

/** The CLI under test is the built JavaScript that users run (`npm test` builds first). */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "dist/provider/cli/main.js");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function peerlink(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TRANSITIVE = join(FIXTURES, "TRANSITIVE_ROUTE.yaml");
/** In the fixture, the routes are lines 11-15 and the route Beijing → backup through production is line 15. */
const TRANSITIVE_LINE = 15;

interface JsonDiagnostic {
  code: string;
  resource: string;
  location?: { file: string; line: number; column: number };
}

describe("peerlink validate says where each problem is", () => {
  it("names the file, line and column in text and JSON", () => {
    const text = peerlink(["validate", TRANSITIVE]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`routes[4]  ${TRANSITIVE}:${TRANSITIVE_LINE}:5`);
    const json = JSON.parse(peerlink(["validate", TRANSITIVE, "--format", "json"]).stdout) as {
      diagnostics: JsonDiagnostic[];
    };
    const transitive = json.diagnostics.find((d) => d.code === "TRANSITIVE_ROUTE")!;
    expect(transitive.location).toEqual({ file: TRANSITIVE, line: TRANSITIVE_LINE, column: 5 });
  });

  it("points every fixture's diagnostics at a line of the fixture that holds their resource", () => {
    for (const code of (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter(isDocumentCode)) {
      const file = join(FIXTURES, `${code}.yaml`);
      const lines = readFileSync(file, "utf8").split("\n");
      const { diagnostics } = JSON.parse(peerlink(["validate", file, "--format", "json"]).stdout) as {
        diagnostics: JsonDiagnostic[];
      };
      for (const d of diagnostics) {
        expect(d.location, `${code}: ${d.resource}`).toBeDefined();
        const line = lines[d.location!.line - 1]!;
        // The character at the column starts the entry: a key, or a flow mapping's brace.
        expect(line.slice(d.location!.column - 1), `${code}: ${d.resource}`).toMatch(/^[{a-zA-Z"']/);
        const id = /^\w+\[([^\]]+)\]/.exec(d.resource)?.[1];
        if (id && !/^\d+$/.test(id) && line.includes("id:"))
          expect(line, `${code}: ${d.resource}`).toContain(`id: ${id}`);
      }
    }
  });

  it("writes GitHub Actions annotations, escaped so that no id can end one early", () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-gh-"));
    const file = join(dir, "net,work:1.yaml");
    // An id with a newline and a percent sign: it must come out as one annotation line.
    writeFileSync(
      file,
      readFileSync(TRANSITIVE, "utf8").replaceAll("prod-dr", '"prod-dr\\n::error::forged 100%"'),
    );
    const { code, stdout } = peerlink(["validate", relative(ROOT, file), "--format", "github"]);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    const annotations = lines.filter((l) => l.startsWith("::"));
    expect(annotations.length).toBe(lines.length - 1);
    expect(lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
    const transitive = annotations.find((l) => l.includes("title=TRANSITIVE_ROUTE"))!;
    const property = relative(ROOT, file).replaceAll(",", "%2C").replaceAll(":", "%3A");
    expect(
      transitive.startsWith(
        `::error file=${property},line=${TRANSITIVE_LINE},col=5,title=TRANSITIVE_ROUTE routes[4]::`,
      ),
    ).toBe(true);
    expect(transitive).toContain("prod-dr\\n::error::forged 100%25");
    expect(transitive).toContain("%0Afix: ");
    expect(annotations.every((l) => /^::(error|warning) /.test(l))).toBe(true);
  });

  it("annotates standard input on the run, not on a file", () => {
    const { stdout } = peerlink(["validate", "-", "--format", "github"], readFileSync(TRANSITIVE, "utf8"));
    expect(stdout).toMatch(/^::error title=TRANSITIVE_ROUTE routes\[4\]::/m);
    expect(stdout).not.toContain("file=");
  });

  it("writes a SARIF 2.1.0 log that the SARIF schema accepts, with every code as a rule", () => {
    const { code, stdout } = peerlink(["validate", relative(ROOT, TRANSITIVE), "--format", "sarif"]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    // The schema Microsoft publishes with its SARIF test matchers (SARIF 2.1.0, JSON Schema draft-04).
    const schema = createRequire(import.meta.url)("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: "peerlink", version: VERSION });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(Object.keys(DIAGNOSTIC_CODES));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === "TRANSITIVE_ROUTE");
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe("TRANSITIVE_ROUTE");
    expect(result.level).toBe("error");
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "test/fixtures/diagnostics/TRANSITIVE_ROUTE.yaml" },
      region: { startLine: TRANSITIVE_LINE, startColumn: 5 },
    });
    expect(result.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: "routes[4]", kind: "resource" },
    ]);
    expect(result.message.text).toMatch(/\nFix: /);
  });

  it("writes an empty SARIF run for a valid file, and prints its version", () => {
    const { code, stdout } = peerlink([
      "validate",
      join(ROOT, "examples/two-region-dr.yaml"),
      "--format",
      "sarif",
    ]);
    expect(code).toBe(0);
    const log = JSON.parse(stdout);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].artifacts[0].location.uri).toMatch(/^file:\/\/\/.*examples\/two-region-dr\.yaml$/);
    expect(peerlink(["--version"]).stdout.trim()).toBe(VERSION);
  });
});
