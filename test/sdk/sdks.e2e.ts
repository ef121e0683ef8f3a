/**
 * The generated SDKs (issue 13): they match schema.json, the Python SDK installs into a virtualenv and a program
 * using TwoRegionDr type-checks (mypy --strict, and a wrong program does not), the Go SDK builds and vets with a
 * program declaring a TwoRegionDr. Runs in the e2e suite: it needs Go, Python and PyPI (cold: minutes).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goEnv, ROOT, runCaptured } from "../../scripts/engines.mjs";
import { staleSdkFiles } from "../../scripts/sdks.mjs";
import { pythonWithSdk } from "./python-venv.js";

const PYTHON_DIR = join(ROOT, "test", "sdk", "python");
const GO_PROGRAM = join(ROOT, "test", "sdk", "go");
const LONG = 20 * 60 * 1000;

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
