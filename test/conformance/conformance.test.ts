/**
 * The conformance suite (issue 12): every case of ./cases.ts through every layer of ./layers.ts, each asserted to
 * reach the case's verdict. The last thing the run prints is the matrix, cases × layers, agreed or disagreed.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  isDocumentCode,
  PLANNER_CODES,
} from "../../provider/core/index.js";
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

  it("has a refused row for every error code of the validators, or says why no layer can be asked it", () => {
    const covered = new Set<string>(CASES.flatMap((c) => c.refused));
    const elsewhere: Readonly<Record<string, string>> = {
      SUBNET_INVALID:
        "the subnet suite, ./subnets.test.ts (its own table: subnets are no part of a peering case)",
      INVALID_DOCUMENT: "the schema: the apply layers take typed inputs, not a document",
      UNKNOWN_REFERENCE: "a reference to nothing: the apply layers have no id to send for it",
      CROSS_CLOUD_PEERING: "two clouds in one case: each emulator layer speaks one cloud",
      BANDWIDTH_POLICY_INVALID: "per-IP limits: the apply layers create VPCs, peerings and routes only",
    };
    const errors = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter(
      (code) => isDocumentCode(code) && DIAGNOSTIC_CODES[code].severity === "error",
    );
    expect(errors.filter((code) => !covered.has(code) && elsewhere[code] === undefined)).toEqual([]);
    expect(Object.keys(elsewhere).filter((code) => covered.has(code))).toEqual([]);
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
