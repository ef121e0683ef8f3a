/**
 * The generated SDKs (issue 13): they match schema.json, the Python SDK installs into a virtualenv and a program
 * using TwoRegionDr type-checks (mypy --strict, and a wrong program does not), the Go SDK builds and vets with a
 * program declaring a TwoRegionDr. Then a program in each language (two Vpcs and a TwoRegionDr between them) runs
 * end to end on the real Pulumi CLI, the provider plugin and peerlink's own Python and Go language hosts
 * (engines/pulumi/langhost): up, a no-change preview, destroy, checked against the local backend's state. Runs in
 * the e2e suite: it needs Go, Python and PyPI (cold: minutes).
 */
import { delimiter, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { goEnv, ROOT, runCaptured } from "../../scripts/engines.mjs";
import { staleSdkFiles } from "../../scripts/sdks.mjs";
import { livePeerings, snapshot } from "../e2e/support/local.js";
import { changes, PulumiStack } from "../e2e/support/pulumi.js";
import { pythonWithSdk } from "./python-venv.js";

const PYTHON_DIR = join(ROOT, "test", "sdk", "python");
const GO_PROGRAM = join(ROOT, "test", "sdk", "go");
const LONG = 20 * 60 * 1000;
const ACCOUNT = "100000000031";

/**
 * The lifecycle of a program declaring `<prefix>-payments-gz` and `<prefix>-payments-bj` and a TwoRegionDr
 * between them, on a stack of its own; `extraEnv` adds to its environment (the interpreter on PATH, Go settings).
 */
function programLifecycle(
  program: string,
  project: string,
  prefix: string,
  extraEnv: () => Record<string, string>,
) {
  let stack: PulumiStack;
  let stateFile: string;
  afterAll(() => stack?.close());

  it(
    "up creates both VPCs, an ACTIVE peering and the routes both ways, through the plugin",
    async () => {
      stack = new PulumiStack(join(ROOT, "test", "e2e", "programs", program), undefined, extraEnv());
      stateFile = join(stack.stateDir, "peerlink.db");
      delete stack.env.PEERLINK_STATE;
      delete stack.env.PEERLINK_ACCOUNT;
      // The program reads its bandwidth from the stack config: 50 proves the host passed the config on.
      await stack.init({
        "peerlink:stateFile": stateFile,
        "peerlink:account": ACCOUNT,
        [`${project}:bandwidthMbps`]: "50",
      });
      const up = await stack.up();
      expect(up.code, up.output).toBe(0);
      const outputs = await stack.outputs();
      expect(outputs.status).toBe("ACTIVE");
      const state = await snapshot(stateFile, ACCOUNT);
      expect(state.vpcs.map((v) => v.name).sort()).toEqual([
        `${prefix}-payments-bj`,
        `${prefix}-payments-gz`,
      ]);
      expect(livePeerings(state.peerings).map((p) => [p.id, p.status, p.bandwidthMbps])).toEqual([
        [outputs.peeringId, "ACTIVE", 50],
      ]);
      expect(state.routes.map((r) => r.destination).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
      const types = (await stack.resources()).map((r) => r.type);
      expect(types).toEqual(
        expect.arrayContaining([
          "peerlink:index:TwoRegionDr",
          "peerlink:index:Vpc",
          "peerlink:index:RouteRule",
        ]),
      );
    },
    LONG,
  );

  it(
    "previews no changes after up",
    async () => {
      const { summary, result } = await stack.previewSummary(["--expect-no-changes"]);
      expect(result.code, result.output).toBe(0);
      expect(changes(summary)).toEqual({});
    },
    LONG,
  );

  it(
    "destroy removes the VPCs, the peering and the routes",
    async () => {
      const destroy = await stack.destroy();
      expect(destroy.code, destroy.output).toBe(0);
      const state = await snapshot(stateFile, ACCOUNT);
      expect(state.vpcs).toEqual([]);
      expect(livePeerings(state.peerings)).toEqual([]);
      expect(state.routes).toEqual([]);
    },
    LONG,
  );
}

describe("generated SDKs", () => {
  it(
    "sdk/python and sdk/go are what schema.json generates (run `node scripts/sdks.mjs` after changing it)",
    async () => {
      expect(await staleSdkFiles()).toEqual([]);
    },
    LONG,
  );

  describe("Python", () => {
    let python: string;

    it(
      "installs into a virtualenv and imports",
      async () => {
        python = await pythonWithSdk();
        const result = await runCaptured(
          python,
          ["-c", "import pulumi_peerlink as p; print(p.TwoRegionDr.__name__, p.Cloud.TENCENTCLOUD.value)"],
          { cwd: PYTHON_DIR },
        );
        expect(result.output).toContain("TwoRegionDr tencentcloud");
        expect(result.code).toBe(0);
      },
      LONG,
    );

    it("a program declaring a TwoRegionDr type-checks (mypy --strict)", async () => {
      const result = await runCaptured(
        python,
        ["-m", "mypy", "--strict", "--no-incremental", "__main__.py"],
        {
          cwd: PYTHON_DIR,
        },
      );
      expect(result.output).toContain("Success: no issues found");
      expect(result.code).toBe(0);
    }, 120_000);

    it("a program passing a string for bandwidth_mbps does not", async () => {
      const result = await runCaptured(
        python,
        ["-m", "mypy", "--strict", "--no-incremental", "wrong_types.py"],
        {
          cwd: PYTHON_DIR,
        },
      );
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/wrong_types\.py:\d+: error: No overload variant of "TwoRegionDr"/);
      expect(result.output).toContain("Found 1 error");
    }, 120_000);

    // The virtualenv's interpreter first on PATH, as an activated virtualenv: the host runs `python3`.
    describe("a program run end to end (test/e2e/programs/python-two-region-dr)", () => {
      programLifecycle("python-two-region-dr", "peerlink-python-two-region-dr", "py", () => ({
        PATH: [dirname(python), join(ROOT, ".tools", "bin"), process.env.PATH ?? ""].join(delimiter),
      }));
    });
  });

  describe("Go", () => {
    it(
      "a program declaring a TwoRegionDr builds and vets",
      async () => {
        const env = goEnv();
        const build = await runCaptured("go", ["build", "-o", join(ROOT, ".tools", "sdk-go-program"), "."], {
          cwd: GO_PROGRAM,
          env,
        });
        expect(build.code, build.output).toBe(0);
        const vet = await runCaptured("go", ["vet", "."], { cwd: GO_PROGRAM, env });
        expect(vet.code, vet.output).toBe(0);
      },
      LONG,
    );

    describe("a program run end to end (test/e2e/programs/go-two-region-dr)", () => {
      // The Go host runs `go build` with the engine's environment: the same Go settings as every build here.
      const env = (): Record<string, string> =>
        Object.fromEntries(
          Object.entries(goEnv()).filter(
            (entry): entry is [string, string] =>
              ["HOME", "GOTOOLCHAIN", "GOSUMDB", "GOFLAGS", "CGO_ENABLED"].includes(entry[0]) &&
              entry[1] !== undefined,
          ),
        );

      it(
        "the first preview shows the component and says its topology is planned at apply",
        async () => {
          // The Go SDK sends a site whose `vpc` is a VPC not made yet as one unknown value (construct.ts).
          const stack = new PulumiStack(
            join(ROOT, "test", "e2e", "programs", "go-two-region-dr"),
            undefined,
            env(),
          );
          try {
            delete stack.env.PEERLINK_STATE;
            await stack.init({ "peerlink:stateFile": join(stack.stateDir, "peerlink.db") });
            const preview = await stack.preview();
            expect(preview.code, preview.output).toBe(0);
            expect(preview.output).toContain("peerlink:index:TwoRegionDr");
            expect(preview.output).toContain(
              "primary, standby not known until apply (a value of a resource not made yet)",
            );
          } finally {
            stack.close();
          }
        },
        LONG,
      );

      programLifecycle("go-two-region-dr", "peerlink-go-two-region-dr", "go", env);
    });

    it(
      "the SDK itself vets",
      async () => {
        const vet = await runCaptured("go", ["vet", "./..."], { cwd: join(ROOT, "sdk", "go"), env: goEnv() });
        expect(vet.code, vet.output).toBe(0);
      },
      LONG,
    );
  });
});
