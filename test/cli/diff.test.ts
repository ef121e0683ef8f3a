import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { EXAMPLES, withTransitiveRoute } from "../support/fixtures.js";

const EXAMPLE = join(EXAMPLES, "two-region-dr.yaml");

const peerlink = (args: string[], input?: string) => builtCli(args, input === undefined ? {} : { input });

const dir = mkdtempSync(join(tmpdir(), "peerlink-diff-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const example = readFileSync(EXAMPLE, "utf8");
const transitive = file("transitive.yaml", withTransitiveRoute(example));

describe("peerlink diff", () => {
  it("finds no change between a file and itself, and exits 0", () => {
    const { code, stdout } = peerlink(["diff", EXAMPLE, EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain("Resources: 0 added, 0 removed, 0 changed");
    expect(stdout).toContain("Traffic: 0 directions gained, 0 lost");
    expect(stdout).toContain("Cost (CNY, planned): ±0.00 per day, ±0.00 per month");
    expect(stdout).toContain("Problems: 0 introduced (0 errors), 0 resolved, 0 unchanged");
  });

  it("reads /dev/null as a topology not written yet: a new file adds everything it declares", () => {
    const { code, stdout } = peerlink(["diff", "/dev/null", EXAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain("Resources: 8 added, 0 removed, 0 changed");
    expect(stdout).toMatch(/^ {2}\+ peering gz-bj: vpc-gz ↔ vpc-bj, 200 Mbps$/m);
    expect(stdout).toMatch(
      /^ {2}\+ vpc-gz → vpc-bj: traffic flows \(via gz-bj\); now routes 10\.1\.0\.0\/16, 10\.2\.0\.0\/16$/m,
    );
    // The same figure `peerlink cost` gives for the example.
    const cost = JSON.parse(peerlink(["cost", EXAMPLE, "--format", "json"]).stdout) as {
      totalPerDay: number;
    };
    expect(stdout).toContain(`+${cost.totalPerDay.toFixed(2)} per day`);
  });

  it("exits 1 on a change that brings an error, naming the problem with its fix, the traffic and the bill", () => {
    const { code, stdout } = peerlink(["diff", EXAMPLE, transitive]);
    expect(code).toBe(1);
    expect(stdout).toContain("Problems: 1 introduced (1 error), 0 resolved, 0 unchanged");
    // Named with its place in the head file: the route's destination, where the reviewer fixes it.
    const lines = readFileSync(transitive, "utf8").split("\n");
    const row = lines.findIndex((l) => l.includes("vpc: vpc-bj, destination: 10.3.0.0/16"));
    const at = `${transitive}:${row + 1}:${lines[row]!.indexOf("destination") + 1}`;
    expect(stdout).toContain(
      `  + error TRANSITIVE_ROUTE routes[6] ${at}: Route in VPC "vpc-bj" sends 10.3.0.0/16`,
    );
    expect(stdout).toMatch(/^ {6}fix: Create a direct peering between "vpc-bj" and "vpc-sh"/m);
    expect(stdout).toMatch(
      /vpc-bj → vpc-gz: traffic still flows \(via gz-bj\); now sends 10\.3\.0\.0\/16 into the peering, which vpc-gz drops/,
    );
    expect(stdout).toMatch(
      /^ {2}\+ peering gz-sh: none → 100 Mbps [\d.]+\/day: \+[\d.]+\/day, \+[\d.]+\/month$/m,
    );
  });

  it("exits 0 when the head only keeps the errors it inherited (validate's business), and says they are unchanged", () => {
    const { code, stdout } = peerlink(["diff", transitive, transitive]);
    expect(code).toBe(0);
    expect(stdout).toContain("Problems: 0 introduced (0 errors), 0 resolved, 1 unchanged");
    const fixed = peerlink(["diff", transitive, EXAMPLE]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^ {2}- error TRANSITIVE_ROUTE routes\[6\]/m);
  });

  it("writes the change as JSON with the diagnostics in validate's shape", () => {
    const { code, stdout } = peerlink(["diff", EXAMPLE, transitive, "--format", "json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as {
      ok: boolean;
      resources: { kind: string; key: string; change: string }[];
      flows: { from: string; to: string; flows: boolean }[];
      cost: { deltaPerDay: number };
      diagnostics: { introduced: Record<string, string>[] };
    };
    expect(out.ok).toBe(false);
    expect(out.resources.map((r) => `${r.change} ${r.kind} ${r.key}`)).toEqual([
      "added vpcs vpc-sh",
      "added peerings gz-sh",
      "added routes vpc-gz [main] 10.3.0.0/16",
      "added routes vpc-sh [main] 10.0.0.0/16",
      "added routes vpc-bj [main] 10.3.0.0/16",
    ]);
    expect(out.cost.deltaPerDay).toBeGreaterThan(0);
    // validate's shape: a transitive route names its field at fault and the chain's places.
    const [introduced] = out.diagnostics.introduced as Record<string, unknown>[];
    expect(Object.keys(introduced!).sort()).toEqual([
      "code",
      "field",
      "fix",
      "location",
      "message",
      "related",
      "resource",
      "severity",
    ]);
    expect(introduced!.field).toBe("destination");
    // Where it is in the head file; its related places (the peering, the block) too.
    expect(introduced!.location).toMatchObject({ file: transitive });
    expect((introduced!.related as { location?: unknown }[]).every((r) => r.location !== undefined)).toBe(
      true,
    );
  });

  it("reads a side from standard input as - (git show main:network.yaml | peerlink diff - network.yaml)", () => {
    const { code, stdout } = peerlink(["diff", "-", transitive], example);
    expect(code).toBe(1);
    expect(stdout).toContain("Resources: 5 added, 0 removed, 0 changed");
  });

  it("writes Markdown for a pull request, with the user's text escaped", () => {
    const renamed = file("renamed.yaml", example.replace("name: payments-dr", 'name: "<b>pay|ments</b>"'));
    const { code, stdout } = peerlink(["diff", EXAMPLE, renamed, "--format", "markdown"]);
    expect(code).toBe(0);
    expect(stdout).toContain("**Resources: 0 added, 0 removed, 1 changed**");
    expect(stdout).toContain('- **~** peering gz-bj: name "payments-dr" → "\\<b\\>pay\\|ments\\</b\\>"');
    expect(stdout).not.toContain("<b>");
  });

  it("ends the Markdown with the graph of the change in one mermaid fence (--graph), never a backtick inside it", () => {
    const hostile = file("hostile.yaml", example.replace("name: payments-dr", 'name: "```pay`ments"'));
    const { code, stdout } = peerlink(["diff", EXAMPLE, hostile, "--format", "markdown", "--graph"]);
    expect(code).toBe(0);
    const [, graph, after] = stdout.split(/^```(?:mermaid)?$/m);
    expect(stdout.match(/^```/gm)).toHaveLength(2);
    expect(graph).toMatch(/^\nflowchart LR\n/);
    expect(graph).toContain("#96;#96;#96;pay#96;ments");
    expect(graph).not.toContain("`");
    expect(graph).toMatch(/^ {2}linkStyle 0 stroke:#9a6700/m);
    expect(after).toBe("\n");
    const refused = peerlink(["diff", EXAMPLE, hostile, "--graph"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--graph goes with --format markdown");
  });

  it("stops with exit 1 and the diagnostics when a side does not match the schema, and 2 when it cannot be read", () => {
    const broken = file("broken.yaml", "vpcs: [{ id: x }]\n");
    const invalid = peerlink(["diff", broken, EXAMPLE]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toContain(`${broken}: `);
    expect(invalid.stderr).toContain("INVALID_DOCUMENT");
    const missing = peerlink(["diff", EXAMPLE, join(dir, "nope.yaml")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml");
  });
});

describe("peerlink graph --base", () => {
  it("draws the change: the new VPC and peering marked added, as diff matches them", () => {
    const { code, stdout, stderr } = peerlink(["graph", transitive, "--base", EXAMPLE]);
    expect(code).toBe(0);
    // The head's error is said on stderr, and the picture is drawn all the same (a review sees the mistake).
    expect(stderr).toContain("has 1 error(s)");
    expect(stdout).toMatch(/^ {4}v2\["\+ added<br\/>vpc-sh<br\/>/m);
    expect(stdout).toMatch(/^ {2}v0 ===\|"\+ added<br\/>gz-sh<br\/>100 Mbps"\| v2$/m);
    expect(stdout).toMatch(/^ {2}class v2 added$/m);
    expect(stdout).toMatch(/^ {2}linkStyle [\d,]+ stroke:#1a7f37/m);
  });

  it("draws everything as added from /dev/null, and stops with exit 1 on a base that does not match the schema", () => {
    const all = peerlink(["graph", EXAMPLE, "--base", "/dev/null", "--format", "dot"]);
    expect(all.code).toBe(0);
    expect(all.stdout.match(/color = "#1a7f37"/g)!.length).toBeGreaterThanOrEqual(4);
    const broken = peerlink(["graph", EXAMPLE, "--base", file("broken-base.yaml", "peerings: 3\n")]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toContain("INVALID_DOCUMENT");
  });
});
