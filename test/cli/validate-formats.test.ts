import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, type DiagnosticCode, isDocumentCode } from "../../provider/core/diagnostics.js";
import { builtCli, ROOT } from "../support/built-cli.js";
import { FIXTURES } from "../support/fixtures.js";

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const peerlink = (args: string[], input?: string) => builtCli(args, input === undefined ? {} : { input });

const TRANSITIVE = join(FIXTURES, "TRANSITIVE_ROUTE.yaml");
/** In the fixture, the routes are lines 11-15 and the route Beijing → backup through production is line 15. */
const TRANSITIVE_LINE = 15;
/** Where that route's `destination` key is: the field at fault. */
const DESTINATION_COLUMN = 19;

interface JsonLocation {
  file: string;
  line: number;
  column: number;
}

interface JsonDiagnostic {
  code: string;
  resource: string;
  field?: string;
  related?: { resource: string; location?: JsonLocation }[];
  location?: JsonLocation;
}

describe("peerlink validate says where each problem is", () => {
  it("names the file, line and column in text and JSON", () => {
    const text = peerlink(["validate", TRANSITIVE]);
    expect(text.code).toBe(1);
    // The resource at its entry; the message at its field; the chain's peering and the block it reaches.
    expect(text.stdout).toContain(`routes[4]  ${TRANSITIVE}:${TRANSITIVE_LINE}:5`);
    expect(text.stdout).toMatch(
      new RegExp(
        `TRANSITIVE_ROUTE .*never transitive.*  ${TRANSITIVE}:${TRANSITIVE_LINE}:${DESTINATION_COLUMN}\n`,
      ),
    );
    expect(text.stdout).toContain(
      `see: peerings[prod-dr] ${TRANSITIVE}:9:5, vpcs[sh-backup].cidrs[0] ${TRANSITIVE}:5:86`,
    );
    const json = JSON.parse(peerlink(["validate", TRANSITIVE, "--format", "json"]).stdout) as {
      diagnostics: JsonDiagnostic[];
    };
    const transitive = json.diagnostics.find((d) => d.code === "TRANSITIVE_ROUTE")!;
    expect(transitive.field).toBe("destination");
    expect(transitive.location).toEqual({
      file: TRANSITIVE,
      line: TRANSITIVE_LINE,
      column: DESTINATION_COLUMN,
    });
    expect(transitive.related).toEqual([
      { resource: "peerings[prod-dr]", location: { file: TRANSITIVE, line: 9, column: 5 } },
      { resource: "vpcs[sh-backup].cidrs[0]", location: { file: TRANSITIVE, line: 5, column: 86 } },
    ]);
  });

  it("prints what the README shows for the transitive route of journey 3", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.split("### Where a problem is")[1]!.split("```text\n")[1]!.split("```")[0]!;
    const out = peerlink(["validate", TRANSITIVE]).stdout.replaceAll(TRANSITIVE, "network.yaml");
    const shown = section.trimEnd().split("\n");
    expect(shown.length).toBe(4);
    // Each line of the README, its "..." elisions apart, is a line of the real output.
    for (const line of shown) {
      const parts = line.split(" ... ");
      const real = out.split("\n").find((l) => l.startsWith(parts[0]!));
      expect(real, line).toBeDefined();
      let from = 0;
      for (const part of parts) {
        const at = real!.indexOf(part, from);
        expect(at, `${line}: "${part}"`).toBeGreaterThanOrEqual(from);
        from = at + part.length;
      }
      expect(real!.endsWith(parts.at(-1)!), line).toBe(true);
    }
  });

  it("points every fixture's diagnostics at their field, or else at their resource's entry", () => {
    let atField = 0;
    let related = 0;
    for (const code of (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter(isDocumentCode)) {
      const file = join(FIXTURES, `${code}.yaml`);
      const lines = readFileSync(file, "utf8").split("\n");
      const { diagnostics } = JSON.parse(peerlink(["validate", file, "--format", "json"]).stdout) as {
        diagnostics: JsonDiagnostic[];
      };
      const textAt = (at: JsonLocation) => lines[at.line - 1]!.slice(at.column - 1);
      for (const d of diagnostics) {
        const what = `${code}: ${d.resource} ${d.field ?? ""}`;
        expect(d.location, what).toBeDefined();
        const rest = textAt(d.location!);
        // A field that is a key is at that key; one that is a list item is at the item's first character.
        const key = d.field === undefined ? undefined : /(?:^|\.)([A-Za-z]\w*)$/.exec(d.field)?.[1];
        if (key !== undefined && new RegExp(`^["']?${key}["']?\\s*:`).test(rest)) {
          atField++;
        } else if (d.field?.endsWith("]") && !/^[\s,\]]/.test(rest)) {
          atField++;
        } else {
          // The entry: a key, or a flow mapping's brace; its line names the id when it holds one.
          expect(rest, what).toMatch(/^[{a-zA-Z"']/);
          const id = /^\w+\[([^\]]+)\]/.exec(d.resource)?.[1];
          const line = lines[d.location!.line - 1]!;
          if (id && !/^\d+$/.test(id) && line.includes("id:")) expect(line, what).toContain(`id: ${id}`);
        }
        for (const r of d.related ?? []) {
          expect(r.location, `${what} related ${r.resource}`).toBeDefined();
          related++;
        }
      }
    }
    // Most rules name a field, and many a second place: a locator that lost them would fall back to entries.
    expect(atField).toBeGreaterThan(25);
    expect(related).toBeGreaterThan(15);
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
        `::error file=${property},line=${TRANSITIVE_LINE},col=${DESTINATION_COLUMN},title=TRANSITIVE_ROUTE routes[4]::`,
      ),
    ).toBe(true);
    expect(transitive).toContain("prod-dr\\n::error::forged 100%25");
    expect(transitive).toContain("%0Afix: ");
    // The other places, named with their lines (an annotation has one place of its own).
    expect(transitive).toMatch(
      /%0Asee: peerings\[prod-dr\\n::error::forged 100%25\] \(line 9\), vpcs\[sh-backup\]\.cidrs\[0\] \(line 5\)$/,
    );
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
      region: { startLine: TRANSITIVE_LINE, startColumn: DESTINATION_COLUMN },
    });
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: "test/fixtures/diagnostics/TRANSITIVE_ROUTE.yaml" },
          region: { startLine: 9, startColumn: 5 },
        },
        logicalLocations: [{ fullyQualifiedName: "peerings[prod-dr]", kind: "resource" }],
        message: { text: "peerings[prod-dr]" },
      },
      expect.objectContaining({ id: 1, message: { text: "vpcs[sh-backup].cidrs[0]" } }),
    ]);
    expect(result.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: "routes[4]", kind: "resource" },
    ]);
    expect(result.message.text).toMatch(/\nFix: /);
    // Code scanning shows a related location only when the message links to it, by id, brackets escaped.
    expect(result.message.text).toMatch(
      /\nSee: \[peerings\\\[prod-dr\\\]\]\(0\), \[vpcs\\\[sh-backup\\\]\.cidrs\\\[0\\\]\]\(1\)\.$/,
    );
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
