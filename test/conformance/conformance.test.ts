/**
 * The conformance suite (issue 12): every case of ./cases.ts through every layer of ./layers.ts, each asserted to
 * reach the case's verdict. The last thing the run prints is the matrix, cases × layers, agreed or disagreed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES, PLANNER_CODES } from "../../provider/core/index.js";
import { CASES } from "./cases.js";
import {
  cdktfLayer,
  emulatorLayer,
  type Layer,
  localEngineLayer,
  pulumiLayer,
  validateLayer,
} from "./layers.js";
import { sdkLayer } from "./sdk-layers.js";

const LAYERS: readonly Layer[] = [
  validateLayer,
  pulumiLayer(),
  cdktfLayer,
  localEngineLayer(),
  emulatorLayer("tencentcloud"),
  emulatorLayer("huaweicloud"),
  emulatorLayer("baiducloud"),
  sdkLayer("tencentcloud"),
  sdkLayer("huaweicloud"),
  sdkLayer("baiducloud"),
];

const matrix = new Map<string, Map<string, string>>();

function record(caseName: string, layer: string, verdict: string): void {
  const row = matrix.get(caseName) ?? new Map<string, string>();
  matrix.set(caseName, row);
  row.set(layer, verdict);
}

afterAll(() => {
  const names = LAYERS.map((l) => l.name);
  const lines = [`conformance matrix (${CASES.length} cases × ${names.length} layers)`];
  let agreed = 0;
  let disagreed = 0;
  let known = 0;
  for (const c of CASES) {
    const row = matrix.get(c.name);
    const cells = names.map((n) => row?.get(n) ?? "—");
    agreed += cells.filter((v) => v === "agreed").length;
    disagreed += cells.filter((v) => v.startsWith("DISAGREED")).length;
    known += cells.filter((v) => v.startsWith("KNOWN DIVERGENCE")).length;
    lines.push(`  ${c.name}: ${names.map((n, i) => `${n}=${cells[i]}`).join(" | ")}`);
  }
  lines.push(`conformance: ${agreed} agreed, ${disagreed} disagreed, ${known} known divergence(s)`);
  console.log(lines.join("\n"));
});

describe("conformance: one verdict per case on every layer", () => {
  for (const layer of LAYERS) {
    describe(layer.name, () => {
      for (const c of CASES) {
        if (layer.clouds && !layer.clouds.includes(c.cloud)) continue;
        const reason = layer.notApplicable?.(c.document);
        if (reason !== undefined) {
          record(c.name, layer.name, `n/a (${reason})`);
          it.skip(`${c.name} (${reason})`, () => {});
          continue;
        }
        // A divergence the layer knows of and names (the fix lies outside this suite): the case must still
        // diverge (it.fails), so that the entry goes once the fix lands.
        const known = layer.knownDivergences?.[c.name];
        (known === undefined ? it : it.fails)(
          c.name,
          async () => {
            const got = await layer.refusals(c.document, c.refused);
            const want = [...c.refused].sort();
            const same = JSON.stringify(got) === JSON.stringify(want);
            const shown = got.join(",") || "accepted";
            record(
              c.name,
              layer.name,
              same
                ? "agreed"
                : known === undefined
                  ? `DISAGREED(${shown})`
                  : `KNOWN DIVERGENCE(${shown}: ${known})`,
            );
            expect(got).toEqual(want);
          },
          30_000,
        );
      }
    });
  }
});

describe("the table covers the rulebook", () => {
  it("every code a case refuses with is in the catalogue", () => {
    for (const c of CASES)
      for (const code of c.refused) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(code);
  });

  it("has a refused row for the rules the issue names, on the cloud each belongs to", () => {
    const covered = new Set(CASES.flatMap((c) => c.refused));
    for (const code of [
      "CROSS_REGION_UNSUPPORTED",
      "CIDR_OVERLAP",
      "INVALID_BANDWIDTH",
      "INVALID_NAME",
      "ROUTE_LIMIT_EXCEEDED",
    ])
      expect(covered).toContain(code);
    expect(PLANNER_CODES.has("INVALID_SPOKE_KEY")).toBe(true);
  });
});
