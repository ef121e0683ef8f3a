import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, type DiagnosticCode, isDocumentCode } from "../../provider/core/diagnostics.js";
import { BIN, builtCli, ROOT } from "../support/built-cli.js";
import { EXAMPLES, FIXTURES } from "../support/fixtures.js";

const peerlink = (...args: string[]) => builtCli(args);

beforeAll(() => {
  // Fails loudly when the build is missing instead of testing stale output.
  execFileSync(process.execPath, [BIN, "--help"], { cwd: ROOT });
});

const STABLE_KEYS = new Set([
  "code",
  "severity",
  "resource",
  "message",
  "fix",
  "field",
  "related",
  "location",
]);

describe("peerlink validate", () => {
  it.each((Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter(isDocumentCode))(
    "produces %s on the document that triggers it",
    (code) => {
      const { code: exit, stdout } = peerlink("validate", join(FIXTURES, `${code}.yaml`), "--format", "json");
      const output = JSON.parse(stdout) as {
        ok: boolean;
        diagnostics: { code: string; severity: string; resource: string; message: string; fix: string }[];
      };
      const found = output.diagnostics.find((d) => d.code === code);
      expect(found).toBeDefined();
      // The stable keys, and no others than the two optional places (the field at fault, related places).
      const keys = Object.keys(found!);
      expect(keys).toEqual(
        expect.arrayContaining(["code", "fix", "location", "message", "resource", "severity"]),
      );
      expect(keys.filter((k) => !STABLE_KEYS.has(k))).toEqual([]);
      const hasError = output.diagnostics.some((d) => d.severity === "error");
      expect(output.ok).toBe(!hasError);
      expect(exit).toBe(hasError ? 1 : 0);
    },
  );

  it("reads standard input as -", () => {
    const input = readFileSync(join(FIXTURES, "ROUTE_CONFLICT.yaml"), "utf8");
    const result = spawnSync(process.execPath, [BIN, "validate", "-", "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
      input,
    });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { diagnostics: { code: string }[] }).diagnostics[0]!.code).toBe(
      "ROUTE_CONFLICT",
    );
  });

  it("exits 0 on the example and says so", () => {
    const { code, stdout } = peerlink("validate", join(EXAMPLES, "two-region-dr.yaml"));
    expect(code).toBe(0);
    expect(stdout).toContain("no problems found");
  });

  it("groups text output by resource and shows the fix, without colour when not a TTY", () => {
    const { code, stdout } = peerlink("validate", join(FIXTURES, "ROUTE_CONFLICT.yaml"));
    expect(code).toBe(1);
    expect(stdout).toMatch(/2 errors, 0 warnings/);
    expect(stdout).toMatch(/^routes\[1\] {2}\S+ROUTE_CONFLICT\.yaml:\d+:5\n {2}error {3}ROUTE_CONFLICT /m);
    expect(stdout).toContain("fix: ");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for ANSI escapes
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  // util-linux `script` gives the CLI a pseudo-terminal, as a person's shell would.
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.runIf(hasScript)("colours the text output on a terminal, unless NO_COLOR is set", () => {
    const command = `${process.execPath} ${BIN} validate ${join(FIXTURES, "MISSING_RETURN_ROUTE.yaml")}`;
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env }).stdout;
    // A person's terminal: Node's own colour detection (used by util.styleText) turns colour off under CI=...
    const { NO_COLOR: _, CI: __, ...withoutNoColor } = process.env;
    expect(run({ ...withoutNoColor, TERM: "xterm" })).toContain("\u001b[33mwarning");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for ANSI escapes
    expect(run({ ...withoutNoColor, TERM: "xterm", NO_COLOR: "1" })).not.toMatch(/\u001b\[/);
  });

  it("exits 2 on a missing file and on broken YAML, naming the file", () => {
    const missing = peerlink("validate", "does-not-exist.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does-not-exist.yaml");
    const dir = mkdtempSync(join(tmpdir(), "peerlink-"));
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "vpcs: [ { id: a,\n");
    const bad = peerlink("validate", broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("broken.yaml");
    expect(bad.stderr).toMatch(/line \d+/i);
  });

  it("exits 2 on a bad option", () => {
    expect(peerlink("validate", "x.yaml", "--format", "xml").code).toBe(2);
  });

  it("reads JSON documents too", () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-"));
    const file = join(dir, "t.json");
    writeFileSync(
      file,
      JSON.stringify({
        vpcs: [
          { id: "a", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.0.0.0/16"] },
          { id: "b", cloud: "tencentcloud", region: "ap-guangzhou", account: "1", cidrs: ["10.0.0.0/24"] },
        ],
        peerings: [{ id: "p", vpc: "a", peerVpc: "b" }],
      }),
    );
    const { code, stdout } = peerlink("validate", file, "--format", "json");
    expect(code).toBe(1);
    expect(stdout).toContain('"CIDR_OVERLAP"');
  });
});

describe("peerlink reachability", () => {
  it("lists both directions of the example's peering with destinations and the return path", () => {
    const { code, stdout } = peerlink(
      "reachability",
      join(EXAMPLES, "two-region-dr.yaml"),
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const { entries } = JSON.parse(stdout) as {
      entries: { from: string; to: string; destinations: string[]; flows: boolean }[];
    };
    expect(entries.map((e) => [e.from, e.to, e.destinations, e.flows])).toEqual([
      ["vpc-gz", "vpc-bj", ["10.1.0.0/16", "10.2.0.0/16"], true],
      ["vpc-bj", "vpc-gz", ["10.0.0.0/16"], true],
    ]);
  });

  it("shows one-way routing as not flowing", () => {
    const { stdout } = peerlink("reachability", join(FIXTURES, "MISSING_RETURN_ROUTE.yaml"));
    expect(stdout).toMatch(/vpc-a\s+vpc-b\s+a-b\s+10\.1\.0\.0\/16\s+no\s+no/);
    expect(stdout).toMatch(/vpc-b\s+vpc-a\s+a-b\s+\(no route\)\s+yes\s+no/);
  });

  it("says which routed blocks the peer drops: a transitive route is not shown as delivering", () => {
    const { stdout } = peerlink("reachability", join(FIXTURES, "TRANSITIVE_ROUTE.yaml"));
    expect(stdout).toContain(
      "bj-dr → sh-prod via prod-dr: 10.11.0.0/16 routed into the peering but not in sh-prod, which drops it",
    );
    const json = peerlink("reachability", join(FIXTURES, "TRANSITIVE_ROUTE.yaml"), "--format", "json");
    const { entries } = JSON.parse(json.stdout) as {
      entries: { from: string; to: string; dropped: string[] }[];
    };
    expect(entries.filter((e) => e.dropped.length > 0)).toEqual([
      expect.objectContaining({ from: "bj-dr", to: "sh-prod", dropped: ["10.11.0.0/16"] }),
    ]);
  });

  it("exits 1 with the diagnostics when the document does not match the schema", () => {
    const { code, stderr } = peerlink("reachability", join(FIXTURES, "INVALID_DOCUMENT.yaml"));
    expect(code).toBe(1);
    expect(stderr).toContain("INVALID_DOCUMENT");
  });
});

describe("peerlink cost", () => {
  const SAMPLES = fileURLToPath(new URL("../fixtures/samples/", import.meta.url));

  it("stops on a document with 1,200 schema errors showing the first 1,000, counting them all", () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-many-"));
    const file = join(dir, "many.json");
    // Every route without its peering: one INVALID_DOCUMENT each.
    const routes = Array.from({ length: 1_200 }, (_, i) => ({
      vpc: "a",
      destination: `10.${i >> 8}.${i & 255}.0/24`,
    }));
    writeFileSync(file, JSON.stringify({ vpcs: [], routes }));
    const { code, stdout, stderr } = peerlink("cost", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`${file}: 1200 errors, 0 warnings`);
    expect(stderr.match(/ INVALID_DOCUMENT /g)).toHaveLength(1_000);
    expect(lines.at(-1)).toBe(`… and 200 more problems: \`peerlink validate ${file}\` lists every one.`);
    // validate itself lists every one.
    const all = JSON.parse(peerlink("validate", file, "--format", "json").stdout) as {
      diagnostics: unknown[];
    };
    expect(all.diagnostics).toHaveLength(1_200);
  });

  it("reproduces seed 000's daily-peak example from 5-minute samples: in 30 / out 20 Mbps -> 360 CNY", () => {
    const { code, stdout } = peerlink(
      "cost",
      join(SAMPLES, "seed-daily-example.yaml"),
      "--samples",
      join(SAMPLES, "seed-daily-example.csv"),
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const estimate = JSON.parse(stdout) as {
      totalPerDay: number;
      peerings: { billedMbps: number; basis: string }[];
    };
    expect(estimate.peerings[0]).toMatchObject({ billedMbps: 30, basis: "samples" });
    expect(estimate.totalPerDay).toBe(360);
  });

  it("prices the example's planned 200 Mbps monthly-95 link and says what was assumed", () => {
    const { code, stdout } = peerlink("cost", join(EXAMPLES, "two-region-dr.yaml"));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /gz-bj\s+ap-guangzhou → ap-beijing\s+monthly-95\s+planned\s+200 Mbps\s+165 CNY\/Mbps\/month\s+1100\.00\s+33000\.00/,
    );
    expect(stdout).toContain("worst case");
  });

  it("reports 'contact sales' tiers as unpriced, never a guessed figure", () => {
    const { stdout } = peerlink("cost", join(EXAMPLES, "two-region-dr.yaml"), "--model", "daily-peak");
    expect(stdout).toMatch(/gz-bj\s.*unpriced\s+unpriced/);
    expect(stdout).toContain("contact sales");
    expect(stdout).toContain("(+1 unpriced)");
  });

  it("exits 2 on a malformed samples file and names the line", () => {
    const dir = mkdtempSync(join(tmpdir(), "peerlink-"));
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, "time,in_mbps,out_mbps\n2017-03-02T00:00:00+08:00,abc,3\n");
    const { code, stderr } = peerlink("cost", join(EXAMPLES, "two-region-dr.yaml"), "--samples", csv);
    expect(code).toBe(2);
    expect(stderr).toContain("INVALID_SAMPLES");
    expect(stderr).toMatch(/line 2/);
  });
});

describe("peerlink graph", () => {
  it.each([
    ["mermaid", /^flowchart LR\n/, /subgraph/],
    ["dot", /^digraph "peerlink" \{/, /cluster_g1/],
  ])("draws the example as %s", (format, start, cluster) => {
    const { code, stdout } = peerlink("graph", join(EXAMPLES, "two-region-dr.yaml"), "--format", format);
    expect(code).toBe(0);
    expect(stdout).toMatch(start);
    expect(stdout).toMatch(cluster);
    expect(stdout).toContain("200 Mbps");
    expect(stdout.endsWith("\n")).toBe(true);
  });
});

describe("peerlink schema", () => {
  it("prints the JSON Schema the package ships, which a JSON topology may name as its $schema", () => {
    const { code, stdout } = peerlink("schema");
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(ROOT, "topology.schema.json"), "utf8"));
    expect(JSON.parse(stdout).title).toBe("peerlink topology");
    const dir = mkdtempSync(join(tmpdir(), "peerlink-schema-"));
    const file = join(dir, "network.json");
    writeFileSync(
      file,
      JSON.stringify({ $schema: "./node_modules/peerlink/topology.schema.json", vpcs: [], peerings: [] }),
    );
    expect(peerlink("validate", file).code).toBe(0);
    writeFileSync(file, JSON.stringify({ $schema: 1 }));
    const wrong = peerlink("validate", file, "--format", "json");
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).diagnostics[0]).toMatchObject({
      code: "INVALID_DOCUMENT",
      resource: "$schema",
    });
  });
});

describe("a wrong command line", () => {
  it.each([
    [
      ["valdate", "x.yaml"],
      "peerlink: unknown command 'valdate' (fix: did you mean validate? See peerlink --help.)",
    ],
    [
      ["validate", "--fromat", "json", "x.yaml"],
      "peerlink: unknown option '--fromat' (fix: did you mean --format? See peerlink --help.)",
    ],
    [
      ["cost", "x.yaml", "--model", "monthly95"],
      "peerlink: option '--model <model>' argument 'monthly95' is invalid. Allowed choices are daily-peak, monthly-95. (fix: See peerlink --help.)",
    ],
    [["validate"], "peerlink: missing required argument 'files' (fix: See peerlink --help.)"],
  ])("%j: exit 2 and one line on stderr, as every exit 2", (args, line) => {
    const { code, stdout, stderr } = peerlink(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${line}\n`);
  });
});
